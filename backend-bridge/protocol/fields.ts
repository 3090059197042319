/**
 * Field schemas that many messages share, declared once so their limits
 * cannot drift apart between messages.
 */
import * as v from 'valibot';

/** A string of at most `maxLength` characters (free text and labels). */
export const text = (maxLength: number) => v.pipe(v.string(), v.maxLength(maxLength));

/** A string of 1 to `maxLength` characters. */
export const nonEmptyText = (maxLength: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(maxLength));

/** The id a client gives a request, echoed in the reply; 1–64 characters. */
export const requestId = nonEmptyText(64);

/** An id of the city model or of an alert: 1–64 letters, digits and `_.:-`. */
export const entityId = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[A-Za-z0-9_.:-]+$/));

/** A time, ms since the epoch. */
export const epochMs = v.pipe(v.number(), v.minValue(0));

/** Local metres from the city origin, along one axis. */
export const metres = v.pipe(v.number(), v.minValue(-1e6), v.maxValue(1e6));

/** A number of things, 0 or more. */
export const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A name in both UI languages, each at most `maxLength` characters, and not empty where `required`. */
export const localized = (maxLength: number, { required = false } = {}) => {
  const one = required ? nonEmptyText(maxLength) : text(maxLength);
  return v.strictObject({ zh: one, en: one });
};

/** A point [xM, yM] in local metres. */
export const pointM = v.pipe(
  v.array(metres),
  v.maxLength(2),
  v.length(2, 'expected [xM, yM]'),
  v.transform((pair) => pair as [number, number]),
);
