import { describe, expect, it } from 'vitest';
import { CITY_TARGET, checkTarget, formatSelectQuery, parseSelectQuery, sameTarget } from './drill-target';

describe('the select query of a deep link', () => {
  it('is the city when absent, empty or "city"', () => {
    expect(parseSelectQuery(undefined)).toEqual(CITY_TARGET);
    expect(parseSelectQuery('')).toEqual(CITY_TARGET);
    expect(parseSelectQuery('city')).toEqual(CITY_TARGET);
  });

  it('reads a level and an id, keeping colons after the first as part of the id', () => {
    expect(parseSelectQuery('intersection:N0123')).toEqual({ level: 'intersection', id: 'N0123' });
    expect(parseSelectQuery('device:cam:7')).toEqual({ level: 'device', id: 'cam:7' });
  });

  it('names what is wrong with a malformed value', () => {
    expect(() => parseSelectQuery('borough:B1')).toThrow(/unknown level "borough"/);
    expect(() => parseSelectQuery('district')).toThrow(/district needs an id/);
    expect(() => parseSelectQuery('district:')).toThrow(/select\.id: expected an id/);
    expect(() => parseSelectQuery('link:a b')).toThrow(/select\.id/);
    expect(() => parseSelectQuery(`link:${'x'.repeat(65)}`)).toThrow(/select\.id/);
    expect(() => parseSelectQuery(['district:a', 'district:b'])).toThrow(/expected one value/);
  });

  it('round-trips through its formatted form, and leaves the city out of the URL', () => {
    for (const target of [{ level: 'district', id: 'D01' }, { level: 'link', id: 'L-9.2' }, { level: 'device', id: 'cam:7' }] as const) {
      expect(parseSelectQuery(formatSelectQuery(target))).toEqual(target);
    }
    expect(formatSelectQuery(CITY_TARGET)).toBeUndefined();
  });
});

describe('a target handed in from outside', () => {
  it('is accepted with a level and, below the city, an id', () => {
    expect(checkTarget({ level: 'city', id: 'ignored' })).toEqual(CITY_TARGET);
    expect(checkTarget({ level: 'link', id: 'L1' })).toEqual({ level: 'link', id: 'L1' });
  });

  it('is refused with the path of the bad field', () => {
    expect(() => checkTarget(null)).toThrow(/^target: expected/);
    expect(() => checkTarget({ level: 'room', id: 'x' })).toThrow(/^target\.level: expected one of city, district/);
    expect(() => checkTarget({ level: 'device' })).toThrow(/^target\.id: .*for level device/);
  });
});

describe('comparing targets', () => {
  it('treats every city target as the same and otherwise compares level and id', () => {
    expect(sameTarget({ level: 'city', id: 'x' }, CITY_TARGET)).toBe(true);
    expect(sameTarget({ level: 'link', id: 'a' }, { level: 'link', id: 'a' })).toBe(true);
    expect(sameTarget({ level: 'link', id: 'a' }, { level: 'device', id: 'a' })).toBe(false);
  });
});
