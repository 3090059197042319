/**
 * A live source driven by the test: it emits exactly what the test tells it
 * and records the requests it receives, so the server's fan-out, snapshot and
 * command handling can be checked event by event.
 */
import {
  type AreaTraffic,
  type LinkTraffic,
  type LiveSink,
  type LiveSource,
  SourceRequestError,
} from './live-source';

export class ScriptedSource implements LiveSource {
  readonly name = 'scripted';
  sink: LiveSink | null = null;
  readonly requests: unknown[] = [];

  constructor(private readonly linkIds: readonly string[]) {}

  start(sink: LiveSink): void {
    this.sink = sink;
    sink.clock({ simTimeMs: 0, speedFactor: 1, achievedSpeedFactor: 1, paused: false });
  }

  stop(): void {
    this.sink = null;
  }

  setClock(change: { speedFactor?: number; paused?: boolean }): void {
    this.requests.push({ setClock: change });
    this.sink?.clock({ simTimeMs: 0, speedFactor: change.speedFactor ?? 1, achievedSpeedFactor: 0, paused: change.paused ?? false });
  }

  createIncident(spec: { linkId: string; capacityFactor: number; durationS: number }): void {
    if (!this.linkIds.includes(spec.linkId)) throw new SourceRequestError('not-found', `unknown link id ${JSON.stringify(spec.linkId)}`);
    this.requests.push({ createIncident: spec });
  }

  /** Emits link traffic with every link at the given speed. */
  emitTraffic(simTimeMs: number, speedKmh: number): LinkTraffic {
    const count = this.linkIds.length;
    const traffic = {
      simTimeMs,
      speedKmh: new Float32Array(count).fill(speedKmh),
      densityVehPerKmLane: new Float32Array(count).fill(20),
      flowVehPerH: new Float32Array(count).fill(900),
      level: new Uint8Array(count),
    };
    this.sink!.linkTraffic(traffic);
    return traffic;
  }

  emitArea(simTimeMs: number, travelTimeIndex: number): AreaTraffic {
    const area = {
      simTimeMs,
      city: { avgSpeedKmh: 40, travelTimeIndex, vehicles: 10 },
      districts: [{ districtId: 'd1', avgSpeedKmh: 40, travelTimeIndex, vehicles: 10 }],
    };
    this.sink!.areaTraffic(area);
    return area;
  }
}
