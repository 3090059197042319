/**
 * The correlation rule: when several kinds of alert rise together in one
 * place — emergency calls, noise complaints, fire alarms, crowding, fights
 * within a short sim-time window and a small radius — something is building
 * up there, and the bridge raises one derived risk point linking them.
 * Pure functions; the alert service keeps the recent signals.
 */
import type { AlertKind } from '../protocol/alerts';

/** The kinds that count towards a risk point. */
export const CORRELATED_KINDS: readonly AlertKind[] = ['emergency-call', 'noise-complaint', 'fire-alarm', 'crowd-density', 'fight'];

export interface CorrelationOptions {
  /** How far back in sim time alerts count together, ms. @default 30 sim minutes */
  windowMs: number;
  /** How close to the newest alert others must be, metres. @default 600 */
  radiusM: number;
  /** Distinct kinds needed for a risk point. @default 3 */
  minDistinctKinds: number;
}

export const CORRELATION_DEFAULTS: CorrelationOptions = { windowMs: 30 * 60_000, radiusM: 600, minDistinctKinds: 3 };

/** What correlation needs to know of an alert. */
export interface CorrelationSignal {
  id: string;
  kind: AlertKind;
  xM: number;
  yM: number;
  /** City-clock time the alert was raised, ms. */
  simTimeMs: number;
}

/** An open risk point: a cluster near it, or sharing a contributor with it, is the same cluster. */
export interface OpenRiskPoint {
  xM: number;
  yM: number;
  linkedAlertIds: readonly string[];
}

/** Most contributors a risk point links: the newest ones, the trigger last. */
export const MAX_LINKED_CONTRIBUTORS = 100;

export interface RiskCluster {
  /** The alerts that make up the cluster, oldest first, the trigger last; at most MAX_LINKED_CONTRIBUTORS, the newest. */
  contributors: CorrelationSignal[];
  /** How many alerts make up the cluster (more than `contributors` holds when capped). */
  size: number;
  /** Their distinct kinds, in the order of CORRELATED_KINDS. */
  kinds: AlertKind[];
  /** Mean position of the cluster's alerts, [xM, yM]. */
  centreM: [number, number];
  /** Distance from the centre to the farthest of them, metres. */
  extentM: number;
}

const CORRELATED = new Set<AlertKind>(CORRELATED_KINDS);
export const isCorrelatedKind = (kind: AlertKind): boolean => CORRELATED.has(kind);

/**
 * The cluster `trigger` completes, or null: none when too few kinds are near
 * it in the window, or when an open risk point already covers the cluster.
 * `recent` may include the trigger itself. Runs on every correlated alert,
 * so the common case — no cluster — costs one pass and no sorting.
 */
export function findRiskCluster(
  trigger: CorrelationSignal,
  recent: readonly CorrelationSignal[],
  openRiskPoints: readonly OpenRiskPoint[],
  options: CorrelationOptions = CORRELATION_DEFAULTS,
): RiskCluster | null {
  if (!isCorrelatedKind(trigger.kind)) return null;
  const fromMs = trigger.simTimeMs - options.windowMs;
  const radiusSquaredM2 = options.radiusM * options.radiusM;
  const near: CorrelationSignal[] = [];
  const present = new Set<AlertKind>([trigger.kind]);
  for (const signal of recent) {
    if (signal.id === trigger.id || signal.simTimeMs < fromMs || signal.simTimeMs > trigger.simTimeMs) continue;
    const dxM = signal.xM - trigger.xM;
    const dyM = signal.yM - trigger.yM;
    if (dxM * dxM + dyM * dyM > radiusSquaredM2 || !isCorrelatedKind(signal.kind)) continue;
    near.push(signal);
    present.add(signal.kind);
  }
  if (present.size < options.minDistinctKinds) return null;

  const members = [...near.sort((a, b) => a.simTimeMs - b.simTimeMs), trigger];
  const centreM: [number, number] = [mean(members.map((s) => s.xM)), mean(members.map((s) => s.yM))];
  const ids = new Set(members.map((signal) => signal.id));
  const covered = openRiskPoints.some(
    (point) => point.linkedAlertIds.some((id) => ids.has(id)) || Math.hypot(point.xM - centreM[0], point.yM - centreM[1]) <= options.radiusM,
  );
  if (covered) return null;
  const extentM = members.reduce((farthest, s) => Math.max(farthest, Math.hypot(s.xM - centreM[0], s.yM - centreM[1])), 0);
  const contributors = members.slice(-MAX_LINKED_CONTRIBUTORS);
  return { contributors, size: members.length, kinds: CORRELATED_KINDS.filter((kind) => present.has(kind)), centreM, extentM };
}

/** The signals still inside the window at `simTimeMs`; later ones (a restarted sim's clock) are dropped too. */
export function signalsInWindow(signals: readonly CorrelationSignal[], simTimeMs: number, windowMs: number): CorrelationSignal[] {
  return signals.filter((signal) => signal.simTimeMs >= simTimeMs - windowMs && signal.simTimeMs <= simTimeMs);
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
