/**
 * SumoSignals against a real SUMO on the netgenerate grid of
 * sumo-grid.fixture.ts, driven the way the SUMO source drives it: one step,
 * observe, flush. The tests share one run and go forward in time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignalPlan, SignalState } from '../../protocol/signals';
import { SourceRequestError } from '../live-source';
import { type SumoNetwork, readSumoNetwork } from './network/read-sumo-network';
import { type SumoGrid, makeSumoGrid } from './sumo-grid.fixture';
import { type SumoProcess, startSumo } from './sumo-process';
import { SumoSignals } from './sumo-signals';
import type { TrafficLightReading } from './traci';

const NODE = 'B1';
/** The bridge's sim time of SUMO's time 0. */
const EPOCH_MS = Date.UTC(2026, 5, 1, 8);

let grid: SumoGrid;
let network: SumoNetwork;
let sumo: SumoProcess;
let signals: SumoSignals;
/** SUMO's time after the last step, seconds. */
let sumoS = 0;
let light: TrafficLightReading;

async function startRun(): Promise<void> {
  sumo = await startSumo({ configFile: grid.configFile, requestTimeoutMs: 20_000 });
  sumoS = 0;
  for (const laneId of signals.lanesToSubscribe()) await sumo.traci.subscribeLane(laneId);
  for (const tlId of signals.lightsToSubscribe()) await sumo.traci.subscribeTrafficLight(tlId);
}

/** One SUMO step (1 s), as the source runs it: step, observe, flush. */
async function step(): Promise<TrafficLightReading> {
  const results = await sumo.traci.simulationStep();
  sumoS += 1;
  signals.observe(results, EPOCH_MS + sumoS * 1000);
  await signals.flush(sumo.traci);
  light = results.trafficLights.get(NODE)!;
  return light;
}

const hasYellow = (state: string) => /[yY]/.test(state);

beforeAll(async () => {
  grid = makeSumoGrid();
  network = readSumoNetwork({ netFile: join(grid.dir, 'grid.net.xml') });
  signals = new SumoSignals(network);
  await startRun();
}, 30_000);

afterAll(async () => {
  await sumo?.stop();
  grid?.dispose();
});

describe('SumoSignals against a real SUMO', () => {
  it('lists the lights as signalized nodes with their lanes and the file programs as plans', () => {
    expect([...signals.nodeIds()].sort()).toEqual(['A1', 'B0', 'B1', 'B2', 'C1']);
    expect(signals.lightsToSubscribe().sort()).toEqual(['A1', 'B0', 'B1', 'B2', 'C1']);
    expect(signals.lanesToSubscribe()).toContain('A1B1_0');
    expect(signals.lanesToSubscribe()).toContain('B1C1_1');
    expect(signals.runningPlan(NODE).phases).toHaveLength(2);
    expect(signals.movements(NODE).length).toBeGreaterThan(0);
    expect(() => signals.state('A0')).toThrow(RangeError);
  });

  it('counts down with SUMO: the interval it reports is the one SUMO runs next, and it ends exactly when SUMO switches', async () => {
    const plan = signals.runningPlan(NODE);
    const file = network.programs.find((program) => program.tlId === NODE)!;
    let previous: SignalState | undefined;
    let switches = 0;
    for (let s = 0; s < 100; s++) {
      // A reading shows the signals that ran during the step just made.
      const reading = await step();
      if (previous) {
        expect(previous.interval).toBe(hasYellow(reading.state) ? 'yellow' : 'green');
        if (previous.interval === 'green') {
          const greenMovements = new Set(file.linkMovementIds.filter((id, link) => id !== null && /[Gg]/.test(reading.state[link]!)));
          expect([...greenMovements].sort()).toEqual([...plan.phases[previous.phaseIndex]!.movementIds].sort());
        }
      }
      const state = signals.state(NODE);
      if (previous && previous.remainingS > 1) {
        expect(state).toEqual({ phaseIndex: previous.phaseIndex, interval: previous.interval, remainingS: previous.remainingS - 1 });
      } else if (previous) {
        expect([state.phaseIndex, state.interval]).not.toEqual([previous.phaseIndex, previous.interval]);
        expect(state.remainingS).toBe(state.interval === 'green' ? plan.phases[state.phaseIndex]!.greenS : plan.phases[state.phaseIndex]!.yellowS);
        switches++;
      }
      previous = state;
    }
    expect(switches).toBeGreaterThanOrEqual(2);
  });

  it('measures queues on red approaches, flows and a plausible delay once traffic runs', async () => {
    for (let s = 0; s < 60; s++) await step();
    const measure = signals.measure(NODE);
    expect(measure.simTimeMs).toBe(EPOCH_MS + sumoS * 1000);
    expect(measure.approaches).toHaveLength(4);
    expect(measure.approaches.some((approach) => approach.queueVeh > 0)).toBe(true);
    // Each approach carries one flow of 720 veh/h (its through traffic) plus what SUMO routes through B1.
    for (const approach of measure.approaches) {
      expect(approach.volumeVehPerH).toBeGreaterThan(100);
      expect(approach.volumeVehPerH).toBeLessThan(3000);
    }
    for (const movement of measure.movements) {
      expect(movement.flowVehPerH).toBeGreaterThan(0);
      expect(movement.saturationFlowVehPerH).toBeGreaterThan(movement.flowVehPerH);
    }
    // netgenerate's two lanes: the right lane turns right and goes straight, the left one goes straight and turns left.
    const turnOf = new Map(signals.movements(NODE).map((movement) => [movement.id, movement.turn]));
    const saturationByTurn = new Map(measure.movements.map((movement) => [turnOf.get(movement.movementId), movement.saturationFlowVehPerH]));
    expect(Object.fromEntries(saturationByTurn)).toEqual({ right: 1800, through: 3600, left: 1800 });
    expect(measure.delayPerVehS).toBeGreaterThan(0);
    expect(measure.delayPerVehS).toBeLessThan(120);
  });

  const newPlan = (version: number): SignalPlan => {
    const old = signals.runningPlan(NODE);
    const phases = old.phases.map((phase, i) => ({ ...phase, greenS: i === 0 ? 20 : 15, yellowS: 3, allRedS: 2, minGreenS: 8 }));
    return { ...old, version, cycleS: 20 + 15 + 2 * 5, phases };
  };

  it('rejects a plan naming a movement the node lacks', async () => {
    const plan = newPlan(2);
    const bad = { ...plan, phases: plan.phases.map((phase, i) => (i === 1 ? { ...phase, movementIds: ['X>Y'] } : phase)) };
    const refusal = await signals.apply(bad).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SourceRequestError);
    expect((refusal as SourceRequestError).code).toBe('rejected');
    expect(signals.pending(NODE)).toBeUndefined();
  });

  it('applies a plan at the running cycle’s boundary, pending until then, and SUMO then runs its greens for its durations', async () => {
    const plan = newPlan(2);
    const { effectiveSimTimeMs } = await signals.apply(plan);
    expect(effectiveSimTimeMs).toBeGreaterThan(EPOCH_MS + sumoS * 1000);
    expect(signals.pending(NODE)).toEqual({ plan, effectiveSimTimeMs });
    while (EPOCH_MS + sumoS * 1000 < effectiveSimTimeMs) {
      expect(signals.pending(NODE)?.plan.version).toBe(2);
      expect(light.programId).toBe('0');
      await step();
    }
    // The old program ends its cycle now (SUMO would enter its first step next), and the new one runs instead.
    expect(light).toMatchObject({ programId: '0', phaseIndex: 3, nextSwitchS: sumoS });
    expect(signals.pending(NODE)).toBeUndefined();
    expect(signals.runningPlan(NODE)).toBe(plan);
    const switchedS = sumoS;

    const seen: { atS: number; phaseIndex: number; state: string }[] = [];
    for (let s = 0; s < plan.cycleS + 1; s++) {
      const reading = await step();
      expect(reading.programId).toBe('citybrain-v2');
      if (seen.at(-1)?.phaseIndex !== reading.phaseIndex) seen.push({ atS: sumoS - 1, phaseIndex: reading.phaseIndex, state: reading.state });
      if (s === 0) expect(signals.state(NODE)).toEqual({ phaseIndex: 0, interval: 'green', remainingS: 19 });
    }
    // green 20, yellow 3, all-red 2, green 15, yellow 3, all-red 2, and round again.
    expect(seen.map((entry) => entry.atS - switchedS)).toEqual([0, 20, 23, 25, 40, 43, 45]);
    expect(seen.map((entry) => entry.phaseIndex)).toEqual([0, 1, 2, 3, 4, 5, 0]);
    expect(hasYellow(seen[1]!.state)).toBe(true);
    expect(seen[2]!.state).toMatch(/^r+$/);
    expect(seen[0]!.state).toMatch(/G/);
  });

  it('runs max-pressure phase by phase with minimum greens and yellows between greens, then returns to the plan', async () => {
    const plan = signals.runningPlan(NODE);
    signals.setActuation(NODE, 'maxpressure');
    const shown: { atS: number; state: string }[] = [];
    let reported: SignalState | undefined;
    for (let s = 0; s < 240; s++) {
      const reading = await step();
      // What it reported after the last step is what SUMO then showed.
      if (reported) {
        const letters = reported.interval === 'green' ? /^[Ggr]*G[Ggr]*$/ : reported.interval === 'yellow' ? /^[yr]*y[yr]*$/ : /^r+$/;
        expect(reading.state).toMatch(letters);
      }
      reported = signals.state(NODE);
      if (shown.at(-1)?.state !== reading.state) shown.push({ atS: sumoS, state: reading.state });
    }
    const greens = shown.filter((entry) => /G/.test(entry.state) && !hasYellow(entry.state));
    expect(greens.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < shown.length; i++) {
      const before = shown[i - 1]!;
      const after = shown[i]!;
      // A green goes to its yellow, never straight to another green.
      if (/G/.test(before.state) && !hasYellow(before.state)) {
        expect(hasYellow(after.state)).toBe(true);
        if (i > 1) expect(after.atS - before.atS).toBeGreaterThanOrEqual(Math.min(...plan.phases.map((phase) => phase.minGreenS)));
      }
    }
    const state = signals.state(NODE);
    expect(state.phaseIndex).toBeLessThan(plan.phases.length);

    signals.setActuation(NODE, 'plan');
    await step();
    const back = await step();
    expect(back).toMatchObject({ programId: 'citybrain-v2', phaseIndex: 0 });
    expect(signals.state(NODE).interval).toBe('green');
  });

  it('sends the applied plan again to a restarted SUMO', async () => {
    await sumo.stop();
    await startRun();
    signals.restarted();
    expect(signals.runningPlan(NODE).version).toBe(2);
    await step();
    const reading = await step();
    expect(reading.programId).toBe('citybrain-v2');
    expect(signals.state(NODE)).toMatchObject({ phaseIndex: 0, interval: 'green' });
    // Nodes that kept their file programs run them as before.
    expect(signals.runningPlan('A1').version).toBe(1);
  });

  it('takes a plan applied before a restarted SUMO’s first step at that step, and runs it', async () => {
    await sumo.stop();
    await startRun();
    signals.restarted();
    let effectiveSimTimeMs: number | undefined;
    const applied = signals.apply(newPlan(3)).then((result) => (effectiveSimTimeMs = result.effectiveSimTimeMs));
    await Promise.resolve();
    expect(effectiveSimTimeMs).toBeUndefined();
    await step();
    await applied;
    expect(effectiveSimTimeMs).toBe(EPOCH_MS + 1000);
    expect(signals.pending(NODE)).toBeUndefined();
    expect((await step()).programId).toBe('citybrain-v3');
  });

  it('makes a plan applied under max-pressure the one it returns to', async () => {
    signals.setActuation(NODE, 'maxpressure');
    for (let s = 0; s < 30; s++) await step();
    expect(light.programId).toBe('online');
    const plan = newPlan(4);
    expect(await signals.apply(plan)).toEqual({ effectiveSimTimeMs: EPOCH_MS + sumoS * 1000 });
    expect(signals.pending(NODE)).toBeUndefined();
    expect(signals.runningPlan(NODE)).toBe(plan);
    expect((await step()).programId).toBe('online');
    signals.setActuation(NODE, 'plan');
    await step();
    expect(await step()).toMatchObject({ programId: 'citybrain-v4', phaseIndex: 0 });
  });
});

describe('SumoSignals on a net whose lane 0 is a footway', () => {
  let dir: string;
  let run: SumoProcess;
  let footwaySignals: SumoSignals;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'citybrain-sumo-footway-'));
    const env = { ...process.env, SUMO_HOME: process.env.SUMO_HOME ?? '/usr/share/sumo' };
    const netFile = join(dir, 'grid.net.xml');
    execFileSync(
      'netgenerate',
      ['--grid', '--grid.number=3', '--grid.length=200', '--default.lanenumber=2', '--tls.guess=true', '--no-turnarounds=true', '--sidewalks.guess=true', '-o', netFile],
      { env, stdio: 'pipe', timeout: 30_000 },
    );
    writeFileSync(join(dir, 'grid.rou.xml'), '<routes>\n  <flow id="f" from="A1B1" to="B1C1" begin="0" end="600" vehsPerHour="1200"/>\n</routes>\n');
    const configFile = join(dir, 'grid.sumocfg');
    writeFileSync(
      configFile,
      '<configuration><input><net-file value="grid.net.xml"/><route-files value="grid.rou.xml"/></input>' +
        '<report><no-step-log value="true"/><no-warnings value="true"/></report></configuration>\n',
    );
    footwaySignals = new SumoSignals(readSumoNetwork({ netFile }));
    run = await startSumo({ configFile, requestTimeoutMs: 20_000 });
  }, 30_000);

  afterAll(async () => {
    await run?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the car lanes from SUMO’s controlled links at the first flush and subscribes the ones the list missed', async () => {
    // Before SUMO was asked, the list counts car lanes from 0: the footway and one car lane.
    expect(footwaySignals.lanesToSubscribe()).toEqual(expect.arrayContaining(['A1B1_0', 'A1B1_1']));
    for (const laneId of footwaySignals.lanesToSubscribe()) await run.traci.subscribeLane(laneId);
    for (const tlId of footwaySignals.lightsToSubscribe()) await run.traci.subscribeTrafficLight(tlId);
    let lanesSeen: string[] = [];
    for (let s = 1; s <= 120; s++) {
      const results = await run.traci.simulationStep();
      footwaySignals.observe(results, EPOCH_MS + s * 1000);
      await footwaySignals.flush(run.traci);
      lanesSeen = [...results.lanes.keys()];
    }
    expect(lanesSeen).toContain('A1B1_2');
    expect(footwaySignals.lanesToSubscribe()).toEqual(expect.arrayContaining(['A1B1_1', 'A1B1_2']));
    expect(footwaySignals.lanesToSubscribe()).not.toContain('A1B1_0');
    const measure = footwaySignals.measure('B1');
    expect(measure.approaches.find((approach) => approach.linkId === 'A1B1')!.volumeVehPerH).toBeGreaterThan(300);
    const through = measure.movements.find((movement) => movement.movementId === 'A1B1>B1C1')!;
    expect(through.saturationFlowVehPerH).toBe(3600);
    expect(through.flowVehPerH).toBeGreaterThan(0);
  });
});
