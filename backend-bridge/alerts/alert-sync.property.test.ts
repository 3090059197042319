/**
 * Property test of the client's reducer and the bridge's resume plan
 * together: whatever a hostile network does to the messages of each
 * connection — lose, duplicate, reorder them, cut the connection anywhere —
 * and whatever the bridge does meanwhile (new alerts, changes, pruning), a
 * client that resumes after each connection ends with every alert exactly
 * once, in its newest state, and never shows a state that did not exist.
 */
import { describe, expect, it } from 'vitest';
import { Prng } from '../city/prng';
import {
  type Alert,
  type AlertStreamState,
  EMPTY_ALERT_STREAM,
  alertResumeOf,
  alertStreamHasGap,
  applyAlertEvent,
  applyAlertSnapshot,
} from '../protocol/alerts';
import { testAlert } from './alert.fixture';
import { planAlertSync } from './alert-sync';

type Message = { kind: 'snapshot'; seq: number; alerts: Alert[] } | { kind: 'event'; alert: Alert };

/** The bridge side: an event log with gap-free seqs, the alerts' current states, and pruning. */
class SimulatedStream {
  readonly streamId = 'stream-1';
  readonly log: Alert[] = [];
  readonly current = new Map<string, Alert>();
  prunedThroughSeq = 0;

  constructor(private readonly rng: Prng) {}

  get headSeq(): number {
    return this.log.length;
  }

  /** One change: a new alert, or a new state of an existing one. */
  change(): Alert {
    const seq = this.log.length + 1;
    const existing = [...this.current.keys()];
    const id = existing.length > 0 && this.rng.chance(0.5) ? this.rng.pick(existing) : `a${seq}`;
    const alert = testAlert({ id, seq, headline: { zh: `版本${seq}`, en: `version ${seq}` } });
    this.log.push(alert);
    this.current.set(id, alert);
    return alert;
  }

  prune(): void {
    this.prunedThroughSeq = this.rng.int(this.prunedThroughSeq, this.headSeq);
  }

  /** What a connection opens with, for a client that resumes with `state`. */
  catchUp(state: AlertStreamState, maxReplayEvents: number): Message[] {
    const plan = planAlertSync(alertResumeOf(state), this, maxReplayEvents);
    if (plan.kind === 'snapshot') return [{ kind: 'snapshot', seq: this.headSeq, alerts: [...this.current.values()] }];
    return this.log.slice(plan.afterSeq).map((alert) => ({ kind: 'event', alert }));
  }
}

/** Loses, duplicates and locally reorders messages, then cuts the delivery somewhere. */
function mangle(messages: Message[], rng: Prng, clean: boolean): Message[] {
  if (clean) return messages;
  const out: Message[] = [];
  for (const message of messages) {
    if (rng.chance(0.15)) continue;
    out.push(message);
    if (rng.chance(0.1)) out.push(message);
  }
  for (let i = 0; i < out.length; i++) {
    if (!rng.chance(0.2)) continue;
    const j = Math.min(out.length - 1, i + rng.int(1, 5));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return rng.chance(0.5) ? out.slice(0, rng.int(0, out.length)) : out;
}

function apply(state: AlertStreamState, message: Message, streamId: string): AlertStreamState {
  return message.kind === 'snapshot'
    ? applyAlertSnapshot(state, { streamId, seq: message.seq, alerts: message.alerts })
    : applyAlertEvent(state, { seq: message.alert.seq, alert: message.alert });
}

function runScenario(seed: number): void {
  const rng = new Prng(seed, 'alert-sync-property');
  const stream = new SimulatedStream(rng);
  const maxReplayEvents = rng.int(5, 60);
  let state = EMPTY_ALERT_STREAM;
  const connections = rng.int(3, 25);
  for (let c = 0; c <= connections; c++) {
    const clean = c === connections;
    const sent = stream.catchUp(state, maxReplayEvents);
    // While this connection is up the bridge keeps changing alerts and sends each change live.
    const live = rng.int(0, clean ? 0 : 40);
    for (let i = 0; i < live; i++) sent.push({ kind: 'event', alert: stream.change() });
    for (const message of mangle(sent, rng, clean)) {
      state = apply(state, message, stream.streamId);
      // Messages carry the stream's own objects, so "a state that existed" is identity with its log entry.
      for (const shown of state.alerts.values()) {
        if (stream.log[shown.seq - 1] !== shown) expect.fail(`seed ${seed}: ${shown.id} at seq ${shown.seq} is not a state that existed`);
      }
      // A client resumes as soon as it sees a gap: the rest of this connection is lost to it.
      if (alertStreamHasGap(state) && !clean) break;
    }
    if (rng.chance(0.2)) stream.prune();
  }
  expect(state.lastSeq, `seed ${seed}: caught up`).toBe(stream.headSeq);
  expect(state.aheadSeqs, `seed ${seed}: no gap left`).toEqual([]);
  expect(state.alerts, `seed ${seed}: every alert once, newest state`).toEqual(stream.current);
}

describe('alert stream resume under message loss, duplication and reordering', () => {
  it('ends with every alert exactly once in its newest state, for 300 random scenarios', () => {
    for (let seed = 1; seed <= 300; seed++) runScenario(seed);
  });
});
