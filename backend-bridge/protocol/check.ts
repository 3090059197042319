/**
 * A tiny path-aware runtime validator. The protocol module imports nothing
 * outside the language, so bridge and renderer validate with the same code.
 *
 * Each checker either returns the value with its static type or throws a
 * `ValidationError` whose message names the offending path, e.g.
 * `hello.protocol: expected an integer, got "1"`.
 */
export class ValidationError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'ValidationError';
  }
}

export type Checker<T> = (value: unknown, path: string) => T;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string; path: string };

/** Runs a checker and turns a thrown `ValidationError` into a result. */
export function validate<T>(checker: Checker<T>, value: unknown, path: string): Result<T> {
  try {
    return { ok: true, value: checker(value, path) };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, error: error.message, path: error.path };
    throw error;
  }
}

/** Short, bounded description of a bad value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') {
    const shown = value.length > 24 ? `${value.slice(0, 24)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'object') return 'an object';
  return String(value);
}

export const str =
  (opts: { minLength?: number; maxLength?: number; pattern?: RegExp } = {}): Checker<string> =>
  (value, path) => {
    if (typeof value !== 'string') throw new ValidationError(path, `expected a string, got ${describe(value)}`);
    const { minLength = 0, maxLength = 1024, pattern } = opts;
    if (value.length < minLength) {
      throw new ValidationError(path, minLength === 1 ? 'must not be empty' : `must be at least ${minLength} characters`);
    }
    if (value.length > maxLength) throw new ValidationError(path, `must be at most ${maxLength} characters`);
    if (pattern && !pattern.test(value)) throw new ValidationError(path, `does not match ${String(pattern)}`);
    return value;
  };

export const num =
  (opts: { min?: number; max?: number; integer?: boolean } = {}): Checker<number> =>
  (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ValidationError(path, `expected a finite number, got ${describe(value)}`);
    }
    if (opts.integer && !Number.isInteger(value)) throw new ValidationError(path, `expected an integer, got ${value}`);
    if (opts.min !== undefined && value < opts.min) throw new ValidationError(path, `must be ≥ ${opts.min}, got ${value}`);
    if (opts.max !== undefined && value > opts.max) throw new ValidationError(path, `must be ≤ ${opts.max}, got ${value}`);
    return value;
  };

export const bool: Checker<boolean> = (value, path) => {
  if (typeof value !== 'boolean') throw new ValidationError(path, `expected true or false, got ${describe(value)}`);
  return value;
};

export const literal =
  <const T extends string | number | boolean>(expected: T): Checker<T> =>
  (value, path) => {
    if (value !== expected) {
      throw new ValidationError(path, `expected ${JSON.stringify(expected)}, got ${describe(value)}`);
    }
    return expected;
  };

export const oneOf =
  <const T extends string>(allowed: readonly T[]): Checker<T> =>
  (value, path) => {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      throw new ValidationError(path, `expected one of ${allowed.join(', ')}, got ${describe(value)}`);
    }
    return value as T;
  };

export const arrayOf =
  <T>(item: Checker<T>, opts: { maxLength?: number } = {}): Checker<T[]> =>
  (value, path) => {
    if (!Array.isArray(value)) throw new ValidationError(path, `expected an array, got ${describe(value)}`);
    const maxLength = opts.maxLength ?? 10_000;
    if (value.length > maxLength) throw new ValidationError(path, `must have at most ${maxLength} items`);
    return value.map((entry, index) => item(entry, `${path}[${index}]`));
  };

type Shape = Record<string, Checker<unknown>>;
type Optional<T> = Checker<T> & { optional: true };
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
type Out<C> = C extends Checker<infer T> ? T : never;
export type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: Out<S[K]> } & { [K in OptionalKeys<S>]?: Out<S[K]> };

/** Marks a field that may be absent (but not `null`). */
export function optional<T>(checker: Checker<T>): Optional<T> {
  const wrapped = ((value: unknown, path: string) => checker(value, path)) as Optional<T>;
  wrapped.optional = true;
  return wrapped;
}

/**
 * Checks a plain object with exactly the given fields. Unknown fields are
 * refused so that a typo in a field name is an error, not a silent default.
 */
export function object<S extends Shape>(shape: S): Checker<ObjectOf<S>> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ValidationError(path, `expected an object, got ${describe(value)}`);
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!(key in shape)) throw new ValidationError(`${path}.${key}`, 'unknown field');
    }
    const out: Record<string, unknown> = {};
    for (const [key, checker] of Object.entries(shape)) {
      const fieldPath = `${path}.${key}`;
      if (record[key] === undefined) {
        if ((checker as Partial<Optional<unknown>>).optional) continue;
        throw new ValidationError(fieldPath, 'is required');
      }
      out[key] = checker(record[key], fieldPath);
    }
    return out as ObjectOf<S>;
  };
}
