import { describe, expect, it } from 'vitest';
import { RequestError } from '../core/request-error';
import { detailFigures } from './detail-figures';
import { drillInputs, drillLinkTraffic } from './drill-city.fixture';

describe('detailFigures', () => {
  it('finds the entity of each level by id', () => {
    const inputs = drillInputs();
    expect(detailFigures(inputs, 'city', undefined).level).toBe('city');
    expect(detailFigures(inputs, 'city', 'ignored').level).toBe('city');
    expect(detailFigures(inputs, 'district', 'south')).toMatchObject({ level: 'district', districtId: 'south' });
    expect(detailFigures(inputs, 'intersection', 'c')).toMatchObject({ level: 'intersection', nodeId: 'c' });
    expect(detailFigures(inputs, 'link', 'bs')).toMatchObject({ level: 'link', linkId: 'bs' });
    expect(detailFigures(inputs, 'device', 'fire-s')).toMatchObject({ level: 'device', deviceId: 'fire-s' });
  });

  it('refuses an unknown id with not-found naming the level and the id', () => {
    const inputs = drillInputs();
    for (const level of ['district', 'intersection', 'link', 'device'] as const) {
      const attempt = () => detailFigures(inputs, level, 'nowhere');
      expect(attempt).toThrow(RequestError);
      expect(attempt).toThrow(`no ${level} with id "nowhere"`);
      try {
        attempt();
      } catch (error) {
        expect((error as RequestError).code).toBe('not-found');
      }
    }
  });

  it('does not take an id of one level for another', () => {
    expect(() => detailFigures(drillInputs(), 'link', 'b')).toThrow('no link with id "b"');
  });

  it('refuses figures the protocol would not accept, naming the entity and the field', () => {
    const links = drillLinkTraffic();
    links.flowVehPerH[0] = -5; // a source reporting nonsense for ab
    const attempt = () => detailFigures(drillInputs({ links }), 'link', 'ab');
    expect(attempt).toThrow('the figures of link "ab" are out of range: figures.flowVehPerH: must be ≥ 0, got -5');
  });

  it('asks for the id below the city level', () => {
    expect(() => detailFigures(drillInputs(), 'district', undefined)).toThrow('entityId: is required for the district level');
  });
});
