import { describe, expect, it, vi } from 'vitest';
import { LIVE_EVENT_KINDS, type LiveEvents, type LiveSink } from '../sources/live-source';
import { EventBus, type EventKinds } from './event-bus';
import type { Logger } from './log';

const quietLog = (): Logger & { errors: string[] } => {
  const errors: string[] = [];
  return { errors, debug: () => {}, info: () => {}, warn: () => {}, error: (message) => errors.push(message) };
};

/** One sample event of every kind; typed so that a new kind must be added here too. */
const samples: LiveEvents = {
  linkTraffic: { simTimeMs: 1, speedKmh: new Float32Array(1), densityVehPerKmLane: new Float32Array(1), flowVehPerH: new Float32Array(1), level: new Uint8Array(1) },
  areaTraffic: { simTimeMs: 1, city: { avgSpeedKmh: 40, travelTimeIndex: 1.2, vehicles: 10 }, districts: [] },
  clock: { simTimeMs: 1, speedFactor: 1, achievedSpeedFactor: 1, paused: false },
  incidents: [],
  devices: [],
  health: { state: 'live', lastMessageAtMs: 1, reconnects: 0, rejected: [] },
  alert: { format: 'json', draft: {}, channel: 'test' },
};

describe('EventBus', () => {
  it('delivers every kind a source can emit to its subscribers (regression: wrappers forwarded some kinds and dropped the rest)', () => {
    const bus = new EventBus<LiveEvents>(LIVE_EVENT_KINDS, quietLog());
    const seen: string[] = [];
    for (const kind of Object.keys(samples) as (keyof LiveEvents)[]) bus.on(kind, () => seen.push(kind));
    const sink: LiveSink = bus.sink;
    for (const kind of Object.keys(samples) as (keyof LiveEvents)[]) (sink[kind] as (event: unknown) => void)(samples[kind]);
    expect(seen).toEqual(Object.keys(LIVE_EVENT_KINDS));
  });

  it('refuses, at compile time, a list of kinds that misses one', () => {
    // @ts-expect-error `alert` is missing: a bus built from this list could drop field alerts.
    const partial: EventKinds<LiveEvents> = { linkTraffic: true, areaTraffic: true, clock: true, incidents: true, devices: true, health: true };
    expect(Object.keys(partial)).not.toContain('alert');
  });

  it('calls subscribers in the order they subscribed, class methods with their own this', () => {
    const bus = new EventBus<LiveEvents>(LIVE_EVENT_KINDS, quietLog());
    const order: string[] = [];
    class Counter {
      clocks = 0;
      clock(): void {
        this.clocks++;
        order.push('counter');
      }
    }
    const counter = new Counter();
    bus.on('clock', () => order.push('first'));
    bus.subscribe(counter);
    bus.subscribe({ clock: () => order.push('last') });
    bus.sink.clock(samples.clock);
    expect(order).toEqual(['first', 'counter', 'last']);
    expect(counter.clocks).toBe(1);
  });

  it('logs a subscriber that throws and still delivers to the others', () => {
    const log = quietLog();
    const bus = new EventBus<LiveEvents>(LIVE_EVENT_KINDS, log);
    const after = vi.fn();
    bus.on('incidents', () => {
      throw new Error('feature bug');
    });
    bus.on('incidents', after);
    bus.sink.incidents([]);
    expect(after).toHaveBeenCalledOnce();
    expect(log.errors[0]).toContain('a subscriber failed on incidents: Error: feature bug');
  });
});
