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

  it('gives up after five reloads within ten minutes', () => {
    const reloads = [1, 2, 3, 4, 5].map((minute) => minute * MINUTE_MS);
    const decision = planRecovery('oom', reloads, 6 * MINUTE_MS);
    expect(decision).toEqual({ action: 'give-up', reason: 'the page died (oom) 6 times within 10 min; not reloading again' });
  });

  it('forgets reloads older than the window', () => {
    const reloads = [0, 1, 2, 3, 4].map((minute) => minute * MINUTE_MS);
    const decision = planRecovery('crashed', reloads, 10.5 * MINUTE_MS, RECOVERY_DEFAULTS);
    expect(decision).toMatchObject({ action: 'reload', reloadsAtMs: [1, 2, 3, 4, 10.5].map((m) => m * MINUTE_MS) });
  });
});
