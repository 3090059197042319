/**
 * Helpers for record-and-replay tests: a temporary directory, a scripted
 * stream recorded to a file, and a sink that keeps what a replay emits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../core/log';
import type { DeviceUpdate, LinkTraffic, LiveSink, SourceAlert, SourceClock, SourceHealth } from '../live-source';
import type { ReplayCity } from './recording-file';
import { StreamRecorder } from './stream-recorder';

export const TEST_CITY: ReplayCity = { id: 'tiny', version: 'v1', linkCount: 3 };
export const START_SIM_MS = Date.UTC(2024, 5, 1, 0, 0, 0);
export const testLog = createLogger('replay-test');

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'citybrain-replay-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function trafficAt(simTimeMs: number, speedKmh: number): LinkTraffic {
  return {
    simTimeMs,
    speedKmh: new Float32Array([speedKmh, speedKmh + 1, speedKmh + 2]),
    densityVehPerKmLane: new Float32Array([10, 20, 30]),
    flowVehPerH: new Float32Array([900, 1000, 1100]),
    level: new Uint8Array([0, 1, 2]),
  };
}

/**
 * Records `seconds` sim seconds of a scripted stream: a traffic frame every
 * sim second, area figures and a clock line every 5 s, incidents at 0 s.
 */
export function recordScript(file: string, seconds: number, city: ReplayCity = TEST_CITY): void {
  const recorder = new StreamRecorder(file, { cityId: city.id, cityVersion: city.version, linkCount: city.linkCount, source: 'scripted' }, testLog);
  for (let s = 0; s < seconds; s++) {
    const simTimeMs = START_SIM_MS + s * 1000;
    recorder.linkTraffic(trafficAt(simTimeMs, 30 + s));
    if (s % 5 === 0) {
      recorder.areaTraffic({ simTimeMs, city: { avgSpeedKmh: 30 + s, travelTimeIndex: 1.5, vehicles: 100 }, districts: [] });
      recorder.clock({ simTimeMs, speedFactor: 1, achievedSpeedFactor: 1, paused: false });
    }
    if (s === 0) recorder.incidents([{ id: 'i1', linkId: 'l1', capacityFactor: 0.5, startSimTimeMs: simTimeMs, endSimTimeMs: simTimeMs + 600_000 }]);
  }
  recorder.close();
}

/** A sink that keeps every event, for assertions. */
export class CollectingSink implements LiveSink {
  readonly traffic: (LinkTraffic & { seq?: number })[] = [];
  readonly areas: number[] = [];
  readonly clocks: SourceClock[] = [];
  readonly incidentLists: number[] = [];
  readonly healths: SourceHealth[] = [];
  readonly deviceUpdates: DeviceUpdate[][] = [];
  readonly alerts: SourceAlert[] = [];

  linkTraffic(traffic: LinkTraffic): void {
    this.traffic.push(traffic);
  }

  areaTraffic(area: { simTimeMs: number }): void {
    this.areas.push(area.simTimeMs);
  }

  clock(clock: SourceClock): void {
    this.clocks.push(clock);
  }

  incidents(incidents: unknown[]): void {
    this.incidentLists.push(incidents.length);
  }

  health(health: SourceHealth): void {
    this.healths.push(health);
  }

  devices(updates: DeviceUpdate[]): void {
    this.deviceUpdates.push(updates);
  }

  alert(alert: SourceAlert): void {
    this.alerts.push(alert);
  }
}
