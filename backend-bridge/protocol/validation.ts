/**
 * The one adapter between valibot and the rest of the code: it runs a schema
 * and turns valibot's first issue into a `ValidationError` whose message
 * names the offending path and the rule, in the words the UI and the logs
 * have always shown, e.g. `hello.protocol: expected an integer, got 1.5`.
 *
 * Schemas stay plain valibot; the words come from one message function given
 * to every parse, so a schema only names a message where its rule is its own
 * (e.g. `needs at least one phase`).
 */
import * as v from 'valibot';

export class ValidationError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'ValidationError';
  }
}

/** Any schema that takes unknown input; `v.InferOutput<S>` is what it returns. */
export type Schema<TOutput = unknown> = v.GenericSchema<unknown, TOutput>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string; path: string };

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

/** `("a" | "b")`, valibot's `expected` of a picklist or variant of strings, → `a, b`. */
const listOfExpected = (expected: string | null): string =>
  Array.from(expected?.matchAll(/"([^"]*)"/g) ?? [], ([, option]) => option).join(', ');

/** The reason of an issue, in the project's words; valibot's `type` names the rule that failed. */
function reasonOf(issue: v.BaseIssue<unknown>): string {
  const { input, requirement } = issue;
  const got = describe(input);
  const isText = typeof input === 'string';
  switch (issue.type) {
    case 'string':
      return `expected a string, got ${got}`;
    case 'number':
    case 'finite':
      return `expected a finite number, got ${got}`;
    case 'integer':
      return `expected an integer, got ${String(input)}`;
    case 'min_value':
      return `must be ≥ ${String(requirement)}, got ${String(input)}`;
    case 'max_value':
      return `must be ≤ ${String(requirement)}, got ${String(input)}`;
    case 'boolean':
      return `expected true or false, got ${got}`;
    case 'literal':
      return `expected ${issue.expected ?? ''}, got ${got}`;
    case 'picklist':
      return `expected one of ${listOfExpected(issue.expected)}, got ${got}`;
    case 'variant':
      // A bad discriminator is reported at its key (the issue's one path item); otherwise the value is no object.
      return issue.path ? `expected one of ${listOfExpected(issue.expected)}, got ${got}` : `expected an object, got ${got}`;
    case 'array':
      return `expected an array, got ${got}`;
    case 'min_length':
      if (!isText) return `must have at least ${String(requirement)} items`;
      return requirement === 1 ? 'must not be empty' : `must be at least ${String(requirement)} characters`;
    case 'max_length':
      return isText ? `must be at most ${String(requirement)} characters` : `must have at most ${String(requirement)} items`;
    case 'regex':
      return `does not match ${String(requirement)}`;
    case 'strict_object':
    case 'object':
      // A key issue carries the key as its only path item: `never` marks a key the schema does not know.
      if (issue.expected === 'never') return 'unknown field';
      if (issue.path?.[0]?.origin === 'key') return 'is required';
      return `expected an object, got ${got}`;
    default:
      return `expected ${issue.expected ?? 'something else'}, got ${got}`;
  }
}

const PARSE_CONFIG: v.Config<v.BaseIssue<unknown>> = { abortEarly: true, message: reasonOf };

/** `root` followed by the issue's keys: `.name` for a field, `[3]` for an item. */
function pathOf(root: string, issue: v.BaseIssue<unknown>): string {
  let path = root;
  for (const item of issue.path ?? []) path += typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`;
  return path;
}

/** Runs a schema on `value`; a failure names the field below `path` and its rule. */
export function validate<S extends Schema>(schema: S, value: unknown, path: string): Result<v.InferOutput<S>> {
  const result = v.safeParse(schema, value, PARSE_CONFIG);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const errorPath = pathOf(path, issue);
  return { ok: false, error: `${errorPath}: ${issue.message}`, path: errorPath };
}

/** Runs a schema on `value` and returns its output, or throws a `ValidationError` naming the field below `path`. */
export function parseAt<S extends Schema>(schema: S, value: unknown, path: string): v.InferOutput<S> {
  const result = v.safeParse(schema, value, PARSE_CONFIG);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new ValidationError(pathOf(path, issue), issue.message);
}

/** What a whole-value rule found wrong: a reason, at a path relative to the value (empty: the value itself). */
export interface Finding {
  path?: readonly (string | number)[];
  reason: string;
}

/**
 * A rule across fields of an already well-typed value (unique ids, sums,
 * references), as a pipe action, so the schema carrying it can be nested in
 * others and still report the full path of what it found.
 */
export function rule<T>(find: (value: T) => Finding | undefined): v.RawCheckAction<T> {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const finding = find(dataset.value);
    if (!finding) return;
    const keys = finding.path ?? [];
    const path = keys.map((key) => ({ type: 'unknown', origin: 'value', input: undefined, key, value: undefined }) as const);
    addIssue({ message: finding.reason, ...(path.length > 0 && { path: path as [v.IssuePathItem, ...v.IssuePathItem[]] }) });
  });
}

/**
 * `v.strictObject` that also refuses an array: valibot reads an array's keys
 * like an object's, so an object whose fields are all optional would take
 * `[]` as `{}`. Use it for such objects (config sections).
 */
export const plainObject = <TEntries extends v.ObjectEntries>(entries: TEntries) =>
  v.pipe(
    v.custom<Record<string, unknown>>(
      (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
      (issue) => `expected an object, got ${describe(issue.input)}`,
    ),
    v.strictObject(entries),
  );
