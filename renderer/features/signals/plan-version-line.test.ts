import type { SignalPlan } from '@protocol';
import { describe, expect, it } from 'vitest';
import { shownVersions, versionLine } from './plan-version-line';

const plan = (version: number) => ({ version }) as SignalPlan;
const texts = {
  version: (v: number) => `Plan v${v}`,
  pendingUntil: (v: number, time: string) => `v${v} pending until ${time}`,
  time: (ms: number) => new Date(ms).toISOString().slice(11, 19),
};
const AT_MS = Date.UTC(2024, 5, 3, 7, 1, 12);

describe('shownVersions', () => {
  it('shows the running version and the applied one waiting for the cycle boundary (issue 14: the header said v1, the table v2)', () => {
    const shown = shownVersions({ plan: plan(1), pending: { plan: plan(2), effectiveSimTimeMs: AT_MS } }, 1);
    expect(shown).toEqual({ running: 1, pending: { version: 2, effectiveSimTimeMs: AT_MS } });
    expect(versionLine(shown, texts)).toBe('Plan v1 · v2 pending until 07:01:12');
  });

  it('follows the countdown into the pending plan at the boundary, before the next status says so', () => {
    const shown = shownVersions({ plan: plan(1), pending: { plan: plan(2), effectiveSimTimeMs: AT_MS } }, 2);
    expect(shown).toEqual({ running: 2, pending: null });
    expect(versionLine(shown, texts)).toBe('Plan v2');
  });

  it('falls back to the status before the countdown runs, and to a dash before any status', () => {
    expect(shownVersions({ plan: plan(3) }, null)).toEqual({ running: 3, pending: null });
    expect(versionLine(shownVersions(null, null), texts)).toBe('—');
  });
});
