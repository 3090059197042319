/**
 * What the drill-down shows: a level and, below the city, one entity's id;
 * and its form in the URL, `select=<level>:<id>` (`select=city`, or no
 * `select` at all, is the city). Pure, so the deep-link rules test without a router.
 */
import { DRILL_LEVELS, type DrillLevel, ValidationError, describe } from '@protocol';

/** One place in the drill-down. `id` is absent for the city and required for every other level. */
export interface DrillTarget {
  level: DrillLevel;
  id?: string;
}

export const CITY_TARGET: DrillTarget = Object.freeze({ level: 'city' });

/** The same id rule as the protocol's entity ids, so a deep link can never carry what a subscription would refuse. */
const ENTITY_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

const isLevel = (value: string): value is DrillLevel => (DRILL_LEVELS as readonly string[]).includes(value);

/** Whether two targets name the same place. */
export function sameTarget(a: DrillTarget, b: DrillTarget): boolean {
  return a.level === b.level && (a.level === 'city' || a.id === b.id);
}

/**
 * Checks a target handed in from outside (another console's push, a caller's
 * argument): throws a ValidationError naming what is wrong.
 */
export function checkTarget(value: unknown, path = 'target'): DrillTarget {
  if (typeof value !== 'object' || value === null) throw new ValidationError(path, `expected { level, id }, got ${describe(value)}`);
  const { level, id } = value as { level?: unknown; id?: unknown };
  if (typeof level !== 'string' || !isLevel(level)) {
    throw new ValidationError(`${path}.level`, `expected one of ${DRILL_LEVELS.join(', ')}, got ${describe(level)}`);
  }
  if (level === 'city') return CITY_TARGET;
  if (typeof id !== 'string' || !ENTITY_ID.test(id)) {
    throw new ValidationError(`${path}.id`, `expected an id of 1–64 letters, digits or _.:- for level ${level}, got ${describe(id)}`);
  }
  return { level, id };
}

/**
 * Reads the route's `select` query value (a string, an array when repeated,
 * or absent). Absent is the city; anything malformed throws a ValidationError
 * naming the problem, so the caller can say why it fell back to the city.
 */
export function parseSelectQuery(value: unknown): DrillTarget {
  if (value === undefined || value === null) return CITY_TARGET;
  if (typeof value !== 'string') throw new ValidationError('select', `expected one value like intersection:N0123, got ${describe(value)}`);
  if (value === 'city' || value === '') return CITY_TARGET;
  // Ids may contain ':' themselves; only the first one separates the level.
  const colon = value.indexOf(':');
  const level = colon < 0 ? value : value.slice(0, colon);
  if (!isLevel(level)) throw new ValidationError('select', `unknown level ${JSON.stringify(level)}; expected one of ${DRILL_LEVELS.join(', ')}`);
  if (colon < 0) throw new ValidationError('select', `level ${level} needs an id, e.g. ${level}:ID`);
  return checkTarget({ level, id: value.slice(colon + 1) }, 'select');
}

/** The `select` query value for a target; undefined for the city, which keeps the URL clean. */
export function formatSelectQuery(target: DrillTarget): string | undefined {
  return target.level === 'city' ? undefined : `${target.level}:${target.id ?? ''}`;
}
