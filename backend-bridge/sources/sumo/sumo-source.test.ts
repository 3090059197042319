import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../core/log';
import { sinkWith } from '../live-sink.fixture';
import type { AreaTraffic, LinkTraffic, SourceClock, SourceHealth, SourceIncident } from '../live-source';
import { SourceRequestError } from '../live-source';
import { type SumoGrid, makeSumoGrid } from './sumo-grid.fixture';
import { type SumoScenario, loadSumoScenario } from './sumo-scenario';
import type { SumoSignalDriver } from './sumo-signal-driver';
import { SumoSource, type SumoSourceOptions } from './sumo-source';

const START_MS = Date.UTC(2024, 5, 3, 0, 0, 0);
const WAIT_MS = 60_000;

let grid: SumoGrid;
let scenario: SumoScenario;
const running: SumoSource[] = [];

beforeAll(() => {
  grid = makeSumoGrid();
  scenario = loadSumoScenario({ configFile: grid.configFile });
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((source) => source.shutdown()));
});
afterAll(() => grid?.dispose());

/** What a source emitted, with waits on the next event that satisfies a test. */
class Recorder {
  readonly links: LinkTraffic[] = [];
  readonly areas: AreaTraffic[] = [];
  readonly clocks: SourceClock[] = [];
  readonly healths: SourceHealth[] = [];
  readonly logLines: string[] = [];
  private waiters: (() => void)[] = [];

  readonly sink = sinkWith({
    linkTraffic: (event) => this.saw(this.links, event),
    areaTraffic: (event) => this.saw(this.areas, event),
    clock: (event) => this.saw(this.clocks, event),
    health: (event) => this.saw(this.healths, event),
  });

  readonly log: Logger = {
    debug: () => {},
    info: (line) => this.saw(this.logLines, `info: ${line}`),
    warn: (line) => this.saw(this.logLines, `warn: ${line}`),
    error: (line) => this.saw(this.logLines, `error: ${line}`),
  };

  /** Resolves once `test` holds, checked after every event; fails after WAIT_MS naming `what`. */
  until(what: string, test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`gave up waiting for ${what}`)), WAIT_MS);
      const check = () => {
        if (!test()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== check);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  private saw<T>(list: T[], event: T): void {
    list.push(event);
    for (const waiter of [...this.waiters]) waiter();
  }
}

function startSource(recorder: Recorder, options: Partial<SumoSourceOptions> = {}): SumoSource {
  const source = new SumoSource({ scenario, log: recorder.log, startSimTimeMs: START_MS, speedFactor: 60, ...options });
  running.push(source);
  source.start(recorder.sink);
  return source;
}

describe('SumoSource', () => {
  it('steps SUMO with the clock and reports every link in plausible units', async () => {
    const recorder = new Recorder();
    startSource(recorder);
    await recorder.until('two minutes of traffic', () => (recorder.links.at(-1)?.simTimeMs ?? 0) >= START_MS + 120_000);
    const { meta } = scenario.network.city;
    const last = recorder.links.at(-1)!;
    expect(last.speedKmh).toHaveLength(meta.links.length);
    meta.links.forEach((link, l) => {
      expect(last.speedKmh[l]).toBeGreaterThan(0);
      expect(last.speedKmh[l]).toBeLessThanOrEqual(link.freeSpeedKmh + 1e-3);
      expect(last.densityVehPerKmLane[l]).toBeGreaterThanOrEqual(0);
      expect(last.densityVehPerKmLane[l]).toBeLessThan(200);
      expect(last.flowVehPerH[l]).toBeGreaterThanOrEqual(0);
    });
    // The flows run across the middle: some links carry traffic, and the frames advance in sim time.
    expect(Math.max(...recorder.links.flatMap((frame) => [...frame.flowVehPerH]))).toBeGreaterThan(100);
    const times = recorder.links.map((frame) => frame.simTimeMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
    const area = recorder.areas.at(-1)!;
    expect(area.districts.map((d) => d.districtId)).toEqual(meta.districts.map((d) => d.id));
    expect(area.city.vehicles).toBeGreaterThan(0);
    expect(area.city.travelTimeIndex).toBeGreaterThanOrEqual(1);
    expect(recorder.healths.at(-1)).toMatchObject({ state: 'live', reconnects: 0 });
  });

  it('stops stepping SUMO while paused, takes a speed factor and refuses one out of range', async () => {
    const recorder = new Recorder();
    const source = startSource(recorder, { speedFactor: 10 });
    await recorder.until('the first frame', () => recorder.links.length > 0);
    source.setClock({ paused: true });
    const pausedAt = recorder.clocks.at(-1)!;
    expect(pausedAt).toMatchObject({ paused: true, achievedSpeedFactor: 0 });
    const framesWhenPaused = recorder.links.length;
    await recorder.until('three clock reports while paused', () => recorder.clocks.length >= recorder.clocks.indexOf(pausedAt) + 4);
    expect(recorder.clocks.at(-1)!.simTimeMs).toBe(pausedAt.simTimeMs);
    expect(recorder.links.length).toBe(framesWhenPaused);

    source.setClock({ paused: false, speedFactor: 30 });
    expect(recorder.clocks.at(-1)).toMatchObject({ paused: false, speedFactor: 30 });
    await recorder.until('sim time moving again', () => (recorder.links.at(-1)?.simTimeMs ?? 0) > pausedAt.simTimeMs);
    expect(() => source.setClock({ speedFactor: 61 })).toThrow(SourceRequestError);
  });

  it('stages an incident as a lower speed limit on the link for its duration, then lifts it', async () => {
    const recorder = new Recorder();
    const incidents: SourceIncident[][] = [];
    const sink = { ...recorder.sink, incidents: (list: SourceIncident[]) => incidents.push(list) };
    const source = new SumoSource({ scenario, log: recorder.log, startSimTimeMs: START_MS, speedFactor: 60 });
    running.push(source);
    source.start(sink);
    expect(incidents).toEqual([[]]);
    await recorder.until('a minute of traffic', () => (recorder.links.at(-1)?.simTimeMs ?? 0) >= START_MS + 60_000);
    const linkIndex = scenario.network.city.meta.links.findIndex((link) => link.id === 'B1C1');
    const freeKmh = scenario.network.city.meta.links[linkIndex]!.freeSpeedKmh;
    source.createIncident({ linkId: 'B1C1', capacityFactor: 0.2, durationS: 120 });
    const staged = incidents.at(-1)![0]!;
    expect(staged).toMatchObject({ linkId: 'B1C1', capacityFactor: 0.2, endSimTimeMs: staged.startSimTimeMs + 120_000 });
    expect(() => source.createIncident({ linkId: 'B1C1', capacityFactor: 0.5, durationS: 60 })).toThrow(`link B1C1 has incident ${staged.id} already`);
    expect(() => source.createIncident({ linkId: 'nowhere', capacityFactor: 0.5, durationS: 60 })).toThrow('unknown link id "nowhere"');

    // Well into the incident, the vehicles on the link drive about the lowered limit (a little above it at most).
    const midway = staged.startSimTimeMs + 60_000;
    await recorder.until('the incident’s middle', () => (recorder.links.at(-1)?.simTimeMs ?? 0) >= midway);
    const during = recorder.links.filter((frame) => frame.simTimeMs >= staged.startSimTimeMs + 20_000 && frame.simTimeMs < staged.endSimTimeMs);
    expect(during.length).toBeGreaterThan(0);
    for (const frame of during) expect(frame.speedKmh[linkIndex]).toBeLessThan(freeKmh * 0.2 * 1.3);
    await recorder.until('the incident lifted', () => incidents.at(-1)!.length === 0);
    expect(recorder.links.at(-1)!.simTimeMs).toBeGreaterThanOrEqual(staged.endSimTimeMs);
  });

  it('reports down when SUMO is killed, starts it again and goes on with sim time running forward', async () => {
    const recorder = new Recorder();
    const source = startSource(recorder, { restart: { backoff: { baseMs: 50, factor: 1, maxMs: 50 } } });
    await recorder.until('a minute of traffic', () => (recorder.links.at(-1)?.simTimeMs ?? 0) >= START_MS + 60_000);
    const killedPid = source.sumoPid!;
    const beforeKillMs = recorder.links.at(-1)!.simTimeMs;
    process.kill(killedPid, 'SIGKILL');
    await recorder.until('health down', () => recorder.healths.at(-1)?.state === 'down');
    await recorder.until('health live again', () => recorder.healths.at(-1)?.state === 'live');
    expect(recorder.healths.at(-1)!.reconnects).toBe(1);
    expect(source.sumoPid).not.toBe(killedPid);
    const framesAfter = recorder.links.length;
    await recorder.until('frames after the restart', () => recorder.links.length > framesAfter + 2);
    expect(recorder.links.at(-1)!.simTimeMs).toBeGreaterThan(beforeKillMs);
    expect(recorder.logLines.some((line) => /^warn: SUMO stopped \(SUMO exited \(signal SIGKILL/.test(line))).toBe(true);
  });

  it('gives up after its attempts when SUMO dies at once, saying why, and stays down', async () => {
    const brokenCfg = join(grid.dir, 'broken.sumocfg');
    writeFileSync(join(grid.dir, 'broken.rou.xml'), '<routes><route id="r" edges="no-such-edge"/><vehicle id="v" route="r" depart="0"/></routes>');
    writeFileSync(
      brokenCfg,
      '<configuration><input><net-file value="grid.net.xml"/><route-files value="broken.rou.xml"/></input><time><begin value="0"/><end value="100"/></time></configuration>',
    );
    const recorder = new Recorder();
    startSource(recorder, {
      scenario: loadSumoScenario({ configFile: brokenCfg }),
      restart: { maxAttempts: 3, backoff: { baseMs: 10, factor: 1, maxMs: 10 } },
    });
    await recorder.until('giving up', () => recorder.logLines.some((line) => line.startsWith('error:')));
    const attempts = recorder.logLines.filter((line) => line.startsWith('warn: SUMO stopped'));
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toContain('failure 1 of at most 3 in a row');
    expect(recorder.logLines.at(-1)).toMatch(/^error: SUMO failed 3 times in a row; the SUMO source gives up \(last: .*no-such-edge/);
    expect(recorder.healths.at(-1)?.state).toBe('down');
    expect(recorder.links).toHaveLength(0);
  });

  it('starts the scenario again at its end, with sim time running on and health live', async () => {
    const shortCfg = join(grid.dir, 'short.sumocfg');
    writeFileSync(
      shortCfg,
      '<configuration><input><net-file value="grid.net.xml"/><route-files value="grid.rou.xml"/></input><time><begin value="0"/><end value="30"/></time></configuration>',
    );
    const recorder = new Recorder();
    startSource(recorder, { scenario: loadSumoScenario({ configFile: shortCfg }) });
    await recorder.until('a minute of traffic', () => (recorder.links.at(-1)?.simTimeMs ?? 0) >= START_MS + 60_000);
    expect(recorder.logLines.filter((line) => line.includes('reached the end')).length).toBeGreaterThanOrEqual(1);
    expect(recorder.healths.at(-1)).toMatchObject({ state: 'live', reconnects: 0 });
  });

  it('lets a signal driver subscribe, send before each step, observe after it and hear of a restart', async () => {
    const calls: string[] = [];
    const laneId = `${scenario.network.linkIds.sumoIdOf(scenario.network.city.meta.links[0]!.id)}_0`;
    const driver = {
      lanesToSubscribe: () => [laneId],
      lightsToSubscribe: () => ['B1'],
      restarted: () => calls.push('restarted'),
      flush: async () => void calls.push('flush'),
      observe: (step, simTimeMs) => {
        calls.push('observe');
        if (!step.lanes.has(laneId) || !step.trafficLights.has('B1')) throw new Error('subscriptions missing');
        if (simTimeMs <= START_MS) throw new Error('step before the start');
      },
    } as Pick<SumoSignalDriver, 'lanesToSubscribe' | 'lightsToSubscribe' | 'restarted' | 'flush' | 'observe'> as SumoSignalDriver;
    const recorder = new Recorder();
    const source = startSource(recorder, { signalDriver: () => driver });
    expect(source.signals).toBe(driver);
    await recorder.until('ten steps observed', () => calls.filter((call) => call === 'observe').length >= 10);
    expect(calls[0]).toBe('restarted');
    const steps = calls.slice(1, 21);
    expect(steps).toEqual(Array.from({ length: 10 }, () => ['flush', 'observe']).flat());
  });
});
