import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { entityId, pointM } from './fields';
import { ValidationError, parseAt, plainObject, rule, validate } from './validation';

const reasonOf = (schema: Parameters<typeof validate>[0], value: unknown) => {
  const result = validate(schema, value, 'x');
  return result.ok ? 'accepted' : result.error;
};

describe('the validation adapter', () => {
  it('words each type the way the UI has always shown it', () => {
    expect(reasonOf(v.string(), 1)).toBe('x: expected a string, got 1');
    expect(reasonOf(v.number(), 'a very long string of thirty characters')).toBe('x: expected a finite number, got "a very long string of th…"');
    expect(reasonOf(v.boolean(), null)).toBe('x: expected true or false, got null');
    expect(reasonOf(v.array(v.number()), {})).toBe('x: expected an array, got an object');
    expect(reasonOf(v.strictObject({}), 'a')).toBe('x: expected an object, got "a"');
    expect(reasonOf(v.literal('hello'), 'helo')).toBe('x: expected "hello", got "helo"');
    expect(reasonOf(v.picklist(['a', 'b']), 'c')).toBe('x: expected one of a, b, got "c"');
  });

  it('words the rules of numbers, strings and arrays with their limits', () => {
    expect(reasonOf(v.pipe(v.number(), v.integer()), 1.5)).toBe('x: expected an integer, got 1.5');
    expect(reasonOf(v.pipe(v.number(), v.minValue(0)), -1)).toBe('x: must be ≥ 0, got -1');
    expect(reasonOf(v.pipe(v.number(), v.maxValue(60)), 61)).toBe('x: must be ≤ 60, got 61');
    expect(reasonOf(v.pipe(v.string(), v.minLength(1)), '')).toBe('x: must not be empty');
    expect(reasonOf(v.pipe(v.string(), v.minLength(3)), 'ab')).toBe('x: must be at least 3 characters');
    expect(reasonOf(v.pipe(v.string(), v.maxLength(2)), 'abc')).toBe('x: must be at most 2 characters');
    expect(reasonOf(v.pipe(v.array(v.number()), v.maxLength(1)), [1, 2])).toBe('x: must have at most 1 items');
    expect(reasonOf(entityId, 'a b')).toBe('x: does not match /^[A-Za-z0-9_.:-]+$/');
    expect(reasonOf(pointM, [1])).toBe('x: expected [xM, yM]');
  });

  it('names the path of a field, an item and an unknown or missing key', () => {
    const schema = v.strictObject({ list: v.array(v.strictObject({ id: v.string() })) });
    expect(reasonOf(schema, { list: [{ id: 'a' }, { id: 2 }] })).toBe('x.list[1].id: expected a string, got 2');
    expect(reasonOf(schema, { list: [{}] })).toBe('x.list[0].id: is required');
    expect(reasonOf(schema, { list: [], lsit: [] })).toBe('x.lsit: unknown field');
  });

  it('reports a rule across fields at the field it names, below the whole path', () => {
    const range = v.pipe(
      v.strictObject({ min: v.number(), max: v.number() }),
      rule((r) => (r.max < r.min ? { path: ['max'], reason: `must be ≥ min (${r.min}), got ${r.max}` } : undefined)),
    );
    expect(reasonOf(v.strictObject({ range }), { range: { min: 5, max: 1 } })).toBe('x.range.max: must be ≥ min (5), got 1');
    expect(reasonOf(range, { min: 1, max: 5 })).toBe('accepted');
  });

  it('refuses an array where a config section expects an object', () => {
    expect(reasonOf(plainObject({ a: v.optional(v.string()) }), [])).toBe('x: expected an object, got an array of 0');
    expect(reasonOf(plainObject({ a: v.optional(v.string()) }), {})).toBe('accepted');
  });

  it('throws a ValidationError with the path and the reason apart', () => {
    expect(parseAt(v.number(), 3, 'x')).toBe(3);
    const error = (() => {
      try {
        parseAt(v.strictObject({ n: v.number() }), { n: '1' }, 'hello');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ path: 'hello.n', reason: 'expected a finite number, got "1"', message: 'hello.n: expected a finite number, got "1"' });
  });
});
