/**
 * Which plan version the signal panel shows, and the line that says so.
 * One version everywhere: the one the countdown runs (it crosses into a
 * pending plan at the cycle boundary on its own, between status pushes), so
 * the header, the plan table and the phase bar switch together; a version
 * applied but waiting for the boundary is named beside it with its time.
 * Regression (issue 14): after an apply the header said v1, the table v2 and
 * the phase bar the old green.
 */
import type { SignalStatusMessage } from '@protocol';

export interface ShownVersions {
  /** The version running now; null before the first status. */
  running: number | null;
  /** A version applied and waiting for the cycle boundary, and its sim time (epoch ms); null when none waits. */
  pending: { version: number; effectiveSimTimeMs: number } | null;
}

/**
 * @param countdownVersion the version of the plan the countdown runs now, null without a countdown
 */
export function shownVersions(status: Pick<SignalStatusMessage, 'plan' | 'pending'> | null, countdownVersion: number | null): ShownVersions {
  const running = countdownVersion ?? status?.plan.version ?? null;
  const next = status?.pending;
  // Once the countdown has crossed into the pending plan, it is the one running.
  const pending = next && next.plan.version !== running ? { version: next.plan.version, effectiveSimTimeMs: next.effectiveSimTimeMs } : null;
  return { running, pending };
}

/** The texts the line is made of, in the UI language. */
export interface VersionLineTexts {
  /** "Plan v{version}" */
  version: (version: number) => string;
  /** "v{version} pending until {time}" */
  pendingUntil: (version: number, time: string) => string;
  /** A sim time as HH:MM:SS in the city's zone. */
  time: (simTimeMs: number) => string;
}

/** "Plan v1 · v2 pending until 07:01:12", or "Plan v2", or "—" before the first status. */
export function versionLine(shown: ShownVersions, texts: VersionLineTexts): string {
  if (shown.running === null) return '—';
  const running = texts.version(shown.running);
  return shown.pending ? `${running} · ${texts.pendingUntil(shown.pending.version, texts.time(shown.pending.effectiveSimTimeMs))}` : running;
}
