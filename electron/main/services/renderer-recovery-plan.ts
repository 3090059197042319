/**
 * When to bring a dead or hung renderer back. A wall runs unattended for
 * weeks, so a page that crashed or stopped responding reloads by itself; but
 * a page that fails on every load would spin, so reloads are capped per time
 * window. Past the cap the window shows a fallback page that says what
 * happened and tries the app again every `fallbackRetryMs`, so a wall that
 * broke at night is back by itself once the cause (a bad bridge deploy, a
 * driver reset) is gone, without a person at the keyboard.
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

/** What ended the page: Electron's reason, or `hung` when main killed a renderer that stopped responding. */
export type RecoveryCause = RendererGoneReason | 'hung';

export interface RecoveryOptions {
  /** Wait before reloading, in ms, so a crash loop cannot peg the CPU. Default 2 000. */
  reloadDelayMs: number;
  /** Most reloads within `windowMs` before falling back. Default 5. */
  maxReloads: number;
  /** The window over which reloads are counted, in ms. Default 10 minutes. */
  windowMs: number;
  /** Wait before retrying a page that failed to load (bridge not reachable yet), in ms. Default 5 000. */
  loadRetryDelayMs: number;
  /**
   * How long a renderer may stay unresponsive (after Chromium reported it
   * hung) before it is killed and reloaded, in ms. Long enough for a heavy
   * first frame of the 3D city. Default 15 000.
   */
  hungTimeoutMs: number;
  /** How often the fallback page tries the app again, in ms. Default 60 000. */
  fallbackRetryMs: number;
}

export const RECOVERY_DEFAULTS: RecoveryOptions = {
  reloadDelayMs: 2_000,
  maxReloads: 5,
  windowMs: 10 * 60_000,
  loadRetryDelayMs: 5_000,
  hungTimeoutMs: 15_000,
  fallbackRetryMs: 60_000,
};

export type RecoveryDecision =
  /** The page closed normally: nothing to do. */
  | { action: 'ignore' }
  /** Reload after `delayMs`; `reloadsAtMs` is the history to keep, this reload included. */
  | { action: 'reload'; delayMs: number; reloadsAtMs: number[] }
  /** Too many reloads: show the fallback page, then try the app again after `retryDelayMs`. */
  | { action: 'fallback'; reason: string; retryDelayMs: number };

/** Decides what to do about a renderer that is gone or hung, given when earlier reloads happened (ms since the epoch). */
export function planRecovery(
  cause: RecoveryCause,
  reloadsAtMs: readonly number[],
  nowMs: number,
  options: RecoveryOptions = RECOVERY_DEFAULTS,
): RecoveryDecision {
  if (cause === 'clean-exit') return { action: 'ignore' };
  const recent = reloadsAtMs.filter((atMs) => nowMs - atMs < options.windowMs);
  if (recent.length >= options.maxReloads) {
    const minutes = options.windowMs / 60_000;
    return {
      action: 'fallback',
      reason: `the page failed (${cause}) ${recent.length + 1} times within ${minutes} min`,
      retryDelayMs: options.fallbackRetryMs,
    };
  }
  return { action: 'reload', delayMs: options.reloadDelayMs, reloadsAtMs: [...recent, nowMs] };
}
