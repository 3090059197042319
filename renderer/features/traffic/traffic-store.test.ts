import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCityStore } from '../city/city-store';
import { useConnectionStore } from '../connection/connection-store';
import { FakeBridge, welcome } from '../connection/fake-bridge';
import { connectToFakeBridge } from '../connection/fake-connection';
import { trafficCity } from './traffic-city.fixture';
import { trafficFrameBuffer } from './traffic-frame.fixture';
import { useTrafficStore } from './traffic-store';

/** Requests the store made of the worker, by kind. */
const workerRequests: string[] = [];

// The worker's own code, run in-process: replies come a task later, in request order, as from a real worker.
vi.mock('./traffic-worker-client', async () => {
  const { TrafficFrameProcessor } = await import('./traffic-frame-processor');
  return {
    startTrafficWorker(onReply: (reply: unknown) => void) {
      let current: { cityVersion: string; processor: InstanceType<typeof TrafficFrameProcessor> } | null = null;
      const later = (reply: () => unknown) => setTimeout(() => onReply(reply()), 0);
      return {
        setCity(cityVersion: string, city: ConstructorParameters<typeof TrafficFrameProcessor>[0]) {
          workerRequests.push('city');
          current = { cityVersion, processor: new TrafficFrameProcessor(city) };
          later(() => ({ type: 'geometry', cityVersion, geometry: current!.processor.geometry }));
        },
        decode(cityVersion: string, buffer: ArrayBuffer, receivedAtMs: number) {
          workerRequests.push('frame');
          const processor = current?.processor;
          later(() => {
            try {
              return { type: 'frame', cityVersion, frame: processor!.process(buffer, receivedAtMs) };
            } catch (error) {
              return { type: 'error', cityVersion, request: 'frame', message: (error as Error).message };
            }
          });
        },
        destroy() {},
      };
    },
  };
});

let bridge: FakeBridge;

function connect(role: 'viewer' | 'operator' = 'operator') {
  return connectToFakeBridge(bridge, { role, random: () => 0.999_999 });
}

/** Puts the fixture city in the city store, as a finished load would. */
function loadCity(): void {
  const city = useCityStore();
  const { meta, linkShapes } = trafficCity();
  city.meta = meta;
  city.linkShapes = linkShapes;
  city.version = meta.version;
  city.status = 'ready';
}

/** Lets the (in-process) worker reply to everything asked so far. */
const settle = () => vi.advanceTimersByTimeAsync(1);

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2030-01-01T08:00:00Z') });
  setActivePinia(createPinia());
  bridge = new FakeBridge();
  workerRequests.length = 0;
});

afterEach(() => {
  useConnectionStore().disconnect();
  vi.useRealTimers();
});

describe('useTrafficStore frames', () => {
  it('decodes frames in the worker once the city is loaded, keeping the newest that waited', async () => {
    const traffic = useTrafficStore();
    connect();
    bridge.latest.deliver(trafficFrameBuffer({ seq: 1 }));
    bridge.latest.deliver(trafficFrameBuffer({ seq: 2 }));
    expect(workerRequests).toEqual([]);

    loadCity();
    await settle();
    expect(workerRequests).toEqual(['city', 'frame']);
    expect(traffic.frame?.seq).toBe(2);
    expect(Date.now() - traffic.lastFrameAt!).toBeLessThanOrEqual(1);
    expect(traffic.geometry?.road.startIndices).toHaveLength(4);
  });

  it('keeps one frame in the worker at a time and skips to the newest when it is busy', async () => {
    const traffic = useTrafficStore();
    loadCity();
    connect();
    await settle();
    for (const seq of [1, 2, 3, 4]) bridge.latest.deliver(trafficFrameBuffer({ seq }));
    expect(workerRequests).toEqual(['city', 'frame']);
    await settle();
    await settle();
    expect(workerRequests).toEqual(['city', 'frame', 'frame']);
    expect(traffic.frame?.seq).toBe(4);
  });

  it('hands the layers typed arrays: a weight per heat point, a colour per road vertex', async () => {
    const traffic = useTrafficStore();
    loadCity();
    connect();
    bridge.latest.deliver(trafficFrameBuffer());
    await settle();
    expect(traffic.frame?.heatWeights).toHaveLength(traffic.geometry!.heatPositionsM.length / 2);
    expect(traffic.frame?.roadColors).toBeInstanceOf(Uint8Array);
    expect(traffic.frame?.roadColors).toHaveLength(4 * 7);
  });

  it('reports a frame that does not fit the city, keeps the last good one, and recovers', async () => {
    const traffic = useTrafficStore();
    loadCity();
    connect();
    bridge.latest.deliver(trafficFrameBuffer({ seq: 1 }));
    await settle();
    const oneLink = { speedKmh: new Uint8Array(1), densityVehPerKmLane: new Uint8Array(1), flowVehPerH: new Uint16Array(1), level: new Uint8Array(1) };
    bridge.latest.deliver(trafficFrameBuffer({ seq: 2, ...oneLink }));
    await settle();
    expect(traffic.frameError).toBe('traffic frame: speedKmh holds 1 values for 3 links');
    expect(traffic.frame?.seq).toBe(1);

    bridge.latest.deliver(trafficFrameBuffer({ seq: 3 }));
    await settle();
    expect(traffic.frameError).toBeNull();
    expect(traffic.frame?.seq).toBe(3);
  });
});

describe('useTrafficStore pushes', () => {
  it('seeds the history on connect and extends it with each summary', () => {
    const traffic = useTrafficStore();
    connect();
    const t0 = Date.UTC(2030, 0, 1, 6);
    bridge.latest.deliver({ type: 'traffic-history', points: [{ simTimeMs: t0, travelTimeIndex: 1.1, avgSpeedKmh: 44 }] });
    const summary = { type: 'traffic-summary', simTimeMs: t0 + 300_000, city: { avgSpeedKmh: 31, travelTimeIndex: 1.6, vehicles: 5400 }, districts: [] };
    bridge.latest.deliver(summary);
    expect(traffic.summary).toEqual(summary);
    expect(traffic.history.map((point) => point.travelTimeIndex)).toEqual([1.1, 1.6]);
    expect(traffic.simTimeMs).toBe(t0 + 300_000);
  });

  it('follows the sim clock and the incidents', () => {
    const traffic = useTrafficStore();
    connect();
    bridge.latest.deliver({ type: 'sim-clock', simTimeMs: 1_900_000_000_000, speedFactor: 60, achievedSpeedFactor: 41, paused: false });
    bridge.latest.deliver({
      type: 'incidents',
      items: [{ id: 'i1', linkId: 'ab', capacityFactor: 0.3, startSimTimeMs: 1_900_000_000_000, endSimTimeMs: 1_900_000_600_000 }],
    });
    expect(traffic.speedFactor).toBe(60);
    expect(traffic.paused).toBe(false);
    expect(traffic.simTimeMs).toBe(1_900_000_000_000);
    expect(traffic.incidents.map((incident) => incident.linkId)).toEqual(['ab']);
  });

  it('learns the state the bridge sent on connect even when created afterwards', () => {
    connect();
    bridge.latest.deliver({ type: 'sim-clock', simTimeMs: 1_900_000_000_000, speedFactor: 10, achievedSpeedFactor: 10, paused: true });
    bridge.latest.deliver({ type: 'traffic-history', points: [{ simTimeMs: 1_900_000_000_000, travelTimeIndex: 1.3, avgSpeedKmh: 35 }] });
    bridge.latest.deliver({ type: 'stream-status', droppedTrafficFrames: 4 });
    const traffic = useTrafficStore();
    expect(traffic.paused).toBe(true);
    expect(traffic.history).toHaveLength(1);
    expect(traffic.droppedTrafficFrames).toBe(4);
  });

  it('counts skipped frames per connection', () => {
    const traffic = useTrafficStore();
    connect();
    bridge.latest.deliver({ type: 'stream-status', droppedTrafficFrames: 12 });
    expect(traffic.droppedTrafficFrames).toBe(12);
    bridge.latest.serverClose(1006);
    vi.advanceTimersByTime(500);
    bridge.latest.open();
    bridge.latest.deliver(welcome());
    expect(traffic.droppedTrafficFrames).toBe(0);
  });
});

describe('useTrafficStore sim clock commands', () => {
  it('lets operators and admins control the clock, and viewers only watch it', () => {
    connect('viewer');
    expect(useTrafficStore().canControlClock).toBe(false);
    bridge.latest.deliver(welcome({ role: 'operator' }));
    expect(useTrafficStore().canControlClock).toBe(true);
  });

  it('sends set-sim-clock for speed, pause and resume and settles on the ack', async () => {
    const traffic = useTrafficStore();
    connect();
    for (const [action, change] of [
      [() => traffic.setSpeed(10), { speedFactor: 10 }],
      [() => traffic.pause(), { paused: true }],
      [() => traffic.resume(), { paused: false }],
    ] as const) {
      const done = action();
      expect(traffic.commandPending).toBe(true);
      const command = bridge.latest.sent.at(-1)!;
      expect(command).toEqual({ type: 'set-sim-clock', id: expect.any(String), ...change });
      bridge.latest.deliver({ type: 'ack', requestId: command.id as string });
      await done;
      expect(traffic.commandPending).toBe(false);
      expect(traffic.commandProblem).toBeNull();
    }
  });

  it("keeps the bridge's refusal for the UI, and clears it on the next command", async () => {
    const traffic = useTrafficStore();
    connect();
    const refused = traffic.setSpeed(60);
    const { id } = bridge.latest.sent.at(-1)!;
    bridge.latest.deliver({ type: 'error', code: 'forbidden', message: 'viewers may not change the sim clock', requestId: id as string });
    await refused;
    expect(traffic.commandProblem).toEqual({ code: 'forbidden', message: 'viewers may not change the sim clock' });

    const next = traffic.pause();
    expect(traffic.commandProblem).toBeNull();
    bridge.latest.deliver({ type: 'ack', requestId: bridge.latest.sent.at(-1)!.id as string });
    await next;
  });

  it('reports a command that got no reply in time', async () => {
    const traffic = useTrafficStore();
    connect();
    const done = traffic.pause();
    await vi.advanceTimersByTimeAsync(10_000);
    await done;
    expect(traffic.commandProblem?.code).toBe('timeout');
  });
});
