import { describe, expect, it } from 'vitest';
import { RECOVERY_DEFAULTS, planRecovery } from './renderer-recovery-plan';

const MINUTE_MS = 60_000;

describe('planRecovery', () => {
  it('ignores a renderer that exited cleanly', () => {
    expect(planRecovery('clean-exit', [], 0)).toEqual({ action: 'ignore' });
  });

  it('reloads a crashed renderer after the delay and remembers when', () => {
    expect(planRecovery('crashed', [], 1_000)).toEqual({ action: 'reload', delayMs: 2_000, reloadsAtMs: [1_000] });
  });

  it('reloads a hung renderer like a crashed one, counting it against the same limit', () => {
    expect(planRecovery('hung', [500], 1_000)).toEqual({ action: 'reload', delayMs: 2_000, reloadsAtMs: [500, 1_000] });
  });

  it('falls back after five reloads within ten minutes, retrying the app every minute', () => {
    const reloads = [1, 2, 3, 4, 5].map((minute) => minute * MINUTE_MS);
    expect(planRecovery('oom', reloads, 6 * MINUTE_MS)).toEqual({
      action: 'fallback',
      reason: 'the page failed (oom) 6 times within 10 min',
      retryDelayMs: 60_000,
    });
    expect(planRecovery('hung', reloads, 6 * MINUTE_MS)).toMatchObject({ action: 'fallback', reason: expect.stringContaining('(hung)') });
  });

  it('forgets reloads older than the window', () => {
    const reloads = [0, 1, 2, 3, 4].map((minute) => minute * MINUTE_MS);
    const decision = planRecovery('crashed', reloads, 10.5 * MINUTE_MS, RECOVERY_DEFAULTS);
    expect(decision).toMatchObject({ action: 'reload', reloadsAtMs: [1, 2, 3, 4, 10.5].map((m) => m * MINUTE_MS) });
  });
});
