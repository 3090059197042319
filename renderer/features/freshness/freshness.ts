/**
 * How old each stream's data is, and what a screen must therefore say about
 * it: pure functions of arrival times and the clock, so every case is tested
 * without Vue. A screen must never look live when it is not: past its
 * expected refresh a figure shows its age, and past a threshold it greys out
 * with the time of the data.
 *
 * All times are this machine's clock (epoch ms): arrival is measured here,
 * and while the bridge is away this clock is the only one there is.
 */

/** The streams a screen shows data from. */
export const STREAMS = ['link', 'traffic', 'summary', 'alerts', 'signals', 'simClock', 'sourceHealth'] as const;
export type StreamName = (typeof STREAMS)[number];

/**
 * - `fresh`: as current as the stream promises; show nothing extra.
 * - `aging`: older than its expected refresh; show its age and time.
 * - `stale`: too old to read as current; grey out, show the time of the data.
 */
export type FreshnessLevel = 'fresh' | 'aging' | 'stale';

export interface StreamRule {
  /**
   * - `periodic`: the bridge sends it on a cadence; its age is the time since its own last message.
   * - `on-change`: the bridge sends it only when it changes, so it is as current as the link
   *   that would have brought a change: its age is the time since the bridge was last heard.
   */
  kind: 'periodic' | 'on-change';
  /** How often new data normally comes, in ms (documentation of the cadence the thresholds allow for). */
  expectedRefreshMs: number;
  /** Older than this, in ms, the age is shown. */
  agingAfterMs: number;
  /** Older than this, in ms, the data is greyed out. */
  staleAfterMs: number;
}

/**
 * Thresholds per stream, in ms. The margins are generous on purpose: a
 * software-rendered wall can fall seconds behind its frames, and a figure
 * that flickers between "live" and "old" teaches people to ignore the sign.
 *
 * - link: the bridge heartbeats every 5 s and traffic comes several times a second,
 *   so 6 s without a word is late and 15 s is gone (the client itself calls it
 *   stale after 2.5 heartbeats, 12.5 s).
 * - traffic frames and summaries: published at 4 Hz by the simulator (SUMO and MQTT
 *   similar); 5 s late shows the age, 15 s greys out.
 * - signals: a watched junction's status comes every second; same margins.
 * - alerts, sim clock, source health: sent on change; as fresh as the link.
 */
export const STREAM_RULES: Readonly<Record<StreamName, StreamRule>> = Object.freeze({
  link: { kind: 'on-change', expectedRefreshMs: 5_000, agingAfterMs: 6_000, staleAfterMs: 15_000 },
  traffic: { kind: 'periodic', expectedRefreshMs: 250, agingAfterMs: 5_000, staleAfterMs: 15_000 },
  summary: { kind: 'periodic', expectedRefreshMs: 250, agingAfterMs: 5_000, staleAfterMs: 15_000 },
  alerts: { kind: 'on-change', expectedRefreshMs: 5_000, agingAfterMs: 6_000, staleAfterMs: 15_000 },
  signals: { kind: 'periodic', expectedRefreshMs: 1_000, agingAfterMs: 5_000, staleAfterMs: 15_000 },
  simClock: { kind: 'on-change', expectedRefreshMs: 5_000, agingAfterMs: 6_000, staleAfterMs: 15_000 },
  sourceHealth: { kind: 'on-change', expectedRefreshMs: 5_000, agingAfterMs: 6_000, staleAfterMs: 15_000 },
});

/** Where a stream's data stands now. */
export interface StreamFreshness {
  level: FreshnessLevel;
  /** Age of the data, in ms; null before any arrived. */
  ageMs: number | null;
  /** When the data arrived (this machine's clock, epoch ms); null before any arrived. */
  asOfMs: number | null;
}

/** What the freshness of every stream is computed from. */
export interface FreshnessInputs {
  /** This machine's clock now, epoch ms. */
  nowMs: number;
  /** When each stream's last message arrived, epoch ms; absent before its first. */
  arrivedAtMs: Partial<Record<StreamName, number>>;
  /** When the bridge was last heard at all, epoch ms; null before the first frame. */
  linkHeardAtMs: number | null;
  /** True while a welcomed socket is open (live or silent); false while reconnecting, offline or refused. */
  linkOpen: boolean;
  /**
   * True while the sim clock is paused: periodic sim streams may stop with
   * nothing wrong, so they are then as fresh as the link.
   */
  simPaused: boolean;
}

/** Level of data `ageMs` old under `rule`; `fresh` for an age at or under the aging threshold. */
export function levelOf(ageMs: number, rule: Pick<StreamRule, 'agingAfterMs' | 'staleAfterMs'>): FreshnessLevel {
  if (ageMs > rule.staleAfterMs) return 'stale';
  if (ageMs > rule.agingAfterMs) return 'aging';
  return 'fresh';
}

const SIM_STREAMS: ReadonlySet<StreamName> = new Set(['traffic', 'summary']);

/**
 * The freshness of `stream` now. With the link closed nothing can be
 * current, so a stream is at least `aging` from the moment it drops: the
 * screen never says "live" about data it cannot be getting.
 */
export function streamFreshness(stream: StreamName, inputs: FreshnessInputs): StreamFreshness {
  const rule = STREAM_RULES[stream];
  const followsLink = rule.kind === 'on-change' || (inputs.simPaused && SIM_STREAMS.has(stream));
  const own = inputs.arrivedAtMs[stream] ?? null;
  // Data that follows the link is vouched for up to the last time the bridge was heard;
  // but not before it first arrived (a stream never sent has no time of its own).
  const asOfMs = followsLink ? (stream === 'link' ? inputs.linkHeardAtMs : own === null ? null : Math.max(own, inputs.linkHeardAtMs ?? own)) : own;
  if (asOfMs === null) return { level: inputs.linkOpen ? 'fresh' : 'aging', ageMs: null, asOfMs: null };
  const ageMs = Math.max(0, inputs.nowMs - asOfMs);
  const level = levelOf(ageMs, rule);
  return { level: !inputs.linkOpen && level === 'fresh' ? 'aging' : level, ageMs, asOfMs };
}

/** The worst of several levels: a panel mixing streams is as fresh as its oldest. */
export function worstLevel(levels: readonly FreshnessLevel[]): FreshnessLevel {
  if (levels.includes('stale')) return 'stale';
  if (levels.includes('aging')) return 'aging';
  return 'fresh';
}

/** An age as a clock-like duration, `hh:mm:ss` (hours grow past 99), e.g. 42 000 ms → `00:00:42`. */
export function formatAgeClock(ageMs: number): string {
  const totalS = Math.max(0, Math.floor(ageMs / 1000));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(totalS / 3600))}:${pad(Math.floor(totalS / 60) % 60)}:${pad(totalS % 60)}`;
}

/** An age split into whole minutes and seconds, for "1 min 20 s"; hours are counted in minutes. */
export function ageParts(ageMs: number): { minutes: number; seconds: number } {
  const totalS = Math.max(0, Math.floor(ageMs / 1000));
  return { minutes: Math.floor(totalS / 60), seconds: totalS % 60 };
}
