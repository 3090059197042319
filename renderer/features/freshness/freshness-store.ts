/**
 * When each stream's data last arrived on this machine, and from that, with
 * the connection's ticking clock, how fresh every stream is now and whether
 * the bridge is away. Recomputed once a second (the clock's tick) and on
 * every connection change, never per traffic frame: arrivals are noted in a
 * plain object that only the tick reads.
 */
import type { ServerMessageType } from '@protocol';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useConnectionStore } from '../connection/connection-store';
import { STREAMS, type StreamFreshness, type StreamName, streamFreshness, worstLevel } from './freshness';

/** Which pushes feed which stream. */
const STREAM_MESSAGES: ReadonlyArray<readonly [ServerMessageType, StreamName]> = [
  ['traffic-summary', 'summary'],
  ['alert-event', 'alerts'],
  ['alert-snapshot', 'alerts'],
  ['signal-status', 'signals'],
  ['sim-clock', 'simClock'],
  ['source-status', 'sourceHealth'],
];

/** The bridge is away: since when it was last heard, in epoch ms (this machine's clock), and for how long. */
export interface LinkLoss {
  sinceMs: number;
  ageMs: number;
}

export const useFreshnessStore = defineStore('freshness', () => {
  const connection = useConnectionStore();
  const arrivedAtMs: Partial<Record<StreamName, number>> = {};
  /** The sim clock is paused: its frames may stop with nothing wrong. */
  const simPaused = ref(false);

  let registering = false;
  function note(stream: StreamName): void {
    // A retained message handed over on subscribing arrived before now, at the latest when the bridge was last heard.
    arrivedAtMs[stream] = registering ? (connection.lastMessageAt ?? Date.now()) : Date.now();
  }
  registering = true;
  for (const [type, stream] of STREAM_MESSAGES) connection.onMessage(type, () => note(stream));
  connection.onMessage('sim-clock', (message) => {
    simPaused.value = message.paused;
  });
  registering = false;
  connection.onBinary(() => note('traffic'));

  /** A welcomed socket is open: data can be arriving. */
  const linkOpen = computed(() => connection.state === 'live' || connection.state === 'stale');
  /** The bridge was there and is not now (dropped, retrying, or silent). Refusals have their own banner. */
  const linkLost = computed<LinkLoss | null>(() => {
    const { state, status, nowMs } = connection;
    if (status.welcome === null || state === 'live' || state === 'refused') return null;
    const sinceMs = status.lastMessageAt ?? nowMs;
    return { sinceMs, ageMs: Math.max(0, nowMs - sinceMs) };
  });

  const streams = computed<Record<StreamName, StreamFreshness>>(() => {
    const inputs = {
      nowMs: connection.nowMs,
      arrivedAtMs: { ...arrivedAtMs },
      linkHeardAtMs: connection.lastMessageAt,
      linkOpen: linkOpen.value,
      simPaused: simPaused.value,
    };
    return Object.fromEntries(STREAMS.map((stream) => [stream, streamFreshness(stream, inputs)])) as Record<StreamName, StreamFreshness>;
  });

  /** The freshness of data drawn from all of `names`: the oldest one's, dated by it. */
  function of(names: StreamName | readonly StreamName[]): StreamFreshness {
    const list = typeof names === 'string' ? [names] : names;
    const each = list.map((name) => streams.value[name]);
    const level = worstLevel(each.map((f) => f.level));
    const dated = each.filter((f) => f.asOfMs !== null);
    const oldest = dated.reduce<StreamFreshness | null>((old, f) => (old === null || f.asOfMs! < old.asOfMs! ? f : old), null);
    return { level, ageMs: oldest?.ageMs ?? null, asOfMs: oldest?.asOfMs ?? null };
  }

  return { streams, linkOpen, linkLost, of };
});
