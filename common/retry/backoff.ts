/**
 * Reconnect delays: exponential growth with "full jitter" (a uniform draw
 * between zero and the exponential cap), so that many clients losing their
 * server at the same moment — wall screens losing the bridge, bridges losing
 * the MQTT broker — do not all knock on it again in lockstep.
 */

export interface BackoffOptions {
  /** Cap of the first attempt's delay, in ms. @default 500 */
  baseMs: number;
  /** Growth of the cap per attempt. @default 2 */
  factor: number;
  /** Largest cap, in ms, however many attempts have failed. @default 30_000 */
  maxMs: number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffOptions> = { baseMs: 500, factor: 2, maxMs: 30_000 };

/**
 * Reconnect delays of a screen to its bridge: capped at 5 s, so a view is
 * back within 5 s (plus its handshake) of the bridge coming back, however
 * long it was away — a wall must recover well inside 30 s with no click. A
 * room full of screens is a few dozen clients, which a 5 s full-jitter
 * window spreads thinly enough.
 */
export const VIEW_RECONNECT_BACKOFF: Readonly<BackoffOptions> = { baseMs: 500, factor: 2, maxMs: 5_000 };

/** A source of uniform numbers in [0, 1), like `Math.random`; injectable so tests are deterministic. */
export type RandomSource = () => number;

/**
 * Delay before reconnect attempt `attempt` (1 for the first retry), in whole ms:
 * uniform in [0, min(maxMs, baseMs · factor^(attempt − 1))).
 */
export function backoffDelayMs(
  attempt: number,
  random: RandomSource = Math.random,
  options: Readonly<BackoffOptions> = DEFAULT_BACKOFF,
): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`backoff attempt: expected an integer ≥ 1, got ${attempt}`);
  }
  checkBackoffOptions(options);
  const draw = random();
  if (!(draw >= 0 && draw < 1)) throw new RangeError(`backoff random source: expected a number in [0, 1), got ${draw}`);
  // Past the cap the power only overflows towards Infinity; min() absorbs that.
  const capMs = Math.min(options.maxMs, options.baseMs * options.factor ** (attempt - 1));
  return Math.floor(draw * capMs);
}

/** Throws a RangeError naming the first option that cannot produce a sensible delay. */
export function checkBackoffOptions({ baseMs, factor, maxMs }: Readonly<BackoffOptions>): void {
  if (!(Number.isFinite(baseMs) && baseMs > 0)) throw new RangeError(`backoff baseMs: expected a positive number, got ${baseMs}`);
  if (!(Number.isFinite(factor) && factor >= 1)) throw new RangeError(`backoff factor: expected a number ≥ 1, got ${factor}`);
  if (!(Number.isFinite(maxMs) && maxMs >= baseMs)) {
    throw new RangeError(`backoff maxMs: expected a number ≥ baseMs (${baseMs}), got ${maxMs}`);
  }
}
