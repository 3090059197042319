/**
 * When to bring a dead renderer back. A wall runs unattended for weeks, so a
 * crashed page reloads by itself; but a page that crashes on every load would
 * spin, so reloads are capped per time window and then left for a person.
 */

/** Why the renderer process went away, as Electron reports it. */
export type RendererGoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

export interface RecoveryOptions {
  /** Wait before reloading, in ms, so a crash loop cannot peg the CPU. Default 2 000. */
  reloadDelayMs: number;
  /** Most reloads within `windowMs` before giving up. Default 5. */
  maxReloads: number;
  /** The window over which reloads are counted, in ms. Default 10 minutes. */
  windowMs: number;
  /** Wait before retrying a page that failed to load (bridge not reachable yet), in ms. Default 5 000. */
  loadRetryDelayMs: number;
}

export const RECOVERY_DEFAULTS: RecoveryOptions = {
  reloadDelayMs: 2_000,
  maxReloads: 5,
  windowMs: 10 * 60_000,
  loadRetryDelayMs: 5_000,
};

export type RecoveryDecision =
  /** The page closed normally: nothing to do. */
  | { action: 'ignore' }
  /** Reload after `delayMs`; `reloadsAtMs` is the history to keep, this reload included. */
  | { action: 'reload'; delayMs: number; reloadsAtMs: number[] }
  | { action: 'give-up'; reason: string };

/** Decides what to do about a renderer that is gone, given when earlier reloads happened (ms since the epoch). */
export function planRecovery(
  reason: RendererGoneReason,
  reloadsAtMs: readonly number[],
  nowMs: number,
  options: RecoveryOptions = RECOVERY_DEFAULTS,
): RecoveryDecision {
  if (reason === 'clean-exit') return { action: 'ignore' };
  const recent = reloadsAtMs.filter((atMs) => nowMs - atMs < options.windowMs);
  if (recent.length >= options.maxReloads) {
    const minutes = options.windowMs / 60_000;
    return {
      action: 'give-up',
      reason: `the page died (${reason}) ${recent.length + 1} times within ${minutes} min; not reloading again`,
    };
  }
  return { action: 'reload', delayMs: options.reloadDelayMs, reloadsAtMs: [...recent, nowMs] };
}
