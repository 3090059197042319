/**
 * The client against a real SUMO on a small netgenerate grid (see
 * sumo-grid.fixture.ts); the tests share one run and go forward in time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SumoGrid, makeSumoGrid } from '../sumo-grid.fixture';
import { type SumoProcess, startSumo } from '../sumo-process';
import type { TraciClient, TrafficLightReading } from './traci-client';
import { TraciError } from './traci-connection';

const LIGHT = 'B1';

let grid: SumoGrid;
let sumo: SumoProcess;
let traci: TraciClient;

beforeAll(async () => {
  grid = makeSumoGrid();
  sumo = await startSumo({ configFile: grid.configFile, requestTimeoutMs: 20_000 });
  traci = sumo.traci;
}, 30_000);

afterAll(async () => {
  await sumo?.stop();
  grid?.dispose();
});

/** Steps one second at a time until `until` holds for the light, at most `maxSteps` times; returns the time it held. */
async function stepUntil(until: (light: TrafficLightReading) => boolean, maxSteps: number): Promise<number> {
  for (let step = 0; step < maxSteps; step++) {
    const results = await traci.simulationStep();
    const light = results.trafficLights.get(LIGHT);
    if (light && until(light)) return traci.getTime();
  }
  throw new Error(`light ${LIGHT} did not reach the expected state within ${maxSteps} steps`);
}

describe('TraciClient against a real SUMO', () => {
  it('reads the API version and the SUMO version it was started as', async () => {
    const version = await traci.getVersion();
    expect(version.apiVersion).toBeGreaterThanOrEqual(20);
    expect(version.sumoVersion).toContain(sumo.version);
    expect(sumo.traciVersion).toEqual(version);
  });

  it('advances the simulation clock to the target time, and by one step with no target', async () => {
    expect(await traci.getTime()).toBe(0);
    await traci.simulationStep(10);
    expect(await traci.getTime()).toBe(10);
    await traci.simulationStep();
    expect(await traci.getTime()).toBe(11);
    expect(await traci.getMinExpectedVehicles()).toBeGreaterThan(0);
  });

  it('queues requests made together and answers each with its own reply', async () => {
    const [before, , after, lights] = await Promise.all([
      traci.getTime(),
      traci.simulationStep(15),
      traci.getTime(),
      traci.getTrafficLightIds(),
    ]);
    expect([before, after]).toEqual([11, 15]);
    expect(lights.sort()).toEqual(['A1', 'B0', 'B1', 'B2', 'C1']);
  });

  it('reports plausible edge figures with each step once vehicles run', async () => {
    const edgeIds = (await traci.getEdgeIds()).filter((id) => !id.startsWith(':'));
    expect(edgeIds).toContain('A0A1');
    for (const edgeId of edgeIds) await traci.subscribeEdge(edgeId);
    const results = await traci.simulationStep(120);
    expect([...results.edges.keys()].sort()).toEqual([...edgeIds].sort());
    const readings = [...results.edges.values()];
    expect(readings.some((reading) => reading.vehicleCount > 0)).toBe(true);
    expect(readings.some((reading) => reading.occupancyPct > 0)).toBe(true);
    for (const reading of readings) {
      // netgenerate's limit is 13.89 m/s (an empty edge reports it); drivers' speed factors reach about 1.2 times it.
      expect(reading.meanSpeedMps).toBeGreaterThanOrEqual(0);
      expect(reading.meanSpeedMps).toBeLessThanOrEqual(13.89 * 1.3);
      expect(reading.occupancyPct).toBeGreaterThanOrEqual(0);
      expect(reading.occupancyPct).toBeLessThanOrEqual(100);
      expect(reading.haltingCount).toBeLessThanOrEqual(reading.vehicleCount);
    }
  });

  it('reports lane figures for a subscribed lane', async () => {
    const now = await traci.subscribeLane('A0A1_0');
    expect(now.vehicleCount).toBeGreaterThanOrEqual(0);
    const results = await traci.simulationStep();
    expect(results.lanes.get('A0A1_0')?.meanSpeedMps).toBeGreaterThanOrEqual(0);
  });

  it('reports a light’s program, phase, signals and next switch with each step', async () => {
    const now = await traci.subscribeTrafficLight(LIGHT);
    const time = await traci.getTime();
    expect(now.programId).toBe('0');
    expect(now.state).toMatch(/^[rRyYgGsuoO]+$/);
    expect(now.nextSwitchS).toBeGreaterThan(time);
    const results = await traci.simulationStep();
    expect(results.trafficLights.get(LIGHT)?.state).toHaveLength(now.state.length);
  });

  it('lists the lanes each link index connects, one entry per signal of the state', async () => {
    const [logic] = await traci.getAllProgramLogics(LIGHT);
    const links = await traci.getControlledLinks(LIGHT);
    expect(links).toHaveLength(logic?.phases[0]?.state.length ?? -1);
    for (const linksOfIndex of links) {
      expect(linksOfIndex.length).toBeGreaterThan(0);
      for (const link of linksOfIndex) {
        expect(link.fromLane).toMatch(/^[A-C][0-2]B1_\d$/);
        expect(link.toLane).toMatch(/^B1[A-C][0-2]_\d$/);
        expect(link.viaLane).toMatch(/^:B1_/);
      }
    }
  });

  it('round-trips a program: read it, shorten a phase, set it, read it back, and SUMO runs the new duration', async () => {
    const logics = await traci.getAllProgramLogics(LIGHT);
    const own = logics.find((logic) => logic.programId === '0');
    expect(own?.type).toBe(0);
    expect(own?.phases.length).toBe(4);
    expect(own?.phases[0]?.durationS).toBe(42);
    if (!own) return;

    const phases = own.phases.map((phase) => ({ ...phase }));
    phases[0] = { ...phases[0]!, durationS: 10, minDurationS: 10, maxDurationS: 10 };
    await traci.setProgramLogic(LIGHT, { ...own, programId: 'citybrain', currentPhaseIndex: 3, phases, parameters: { origin: 'test' } });

    const readBack = (await traci.getAllProgramLogics(LIGHT)).find((logic) => logic.programId === 'citybrain');
    expect(readBack?.phases.map((phase) => phase.durationS)).toEqual([10, 3, 42, 3]);
    expect(readBack?.phases.map((phase) => phase.state)).toEqual(own.phases.map((phase) => phase.state));
    expect(readBack?.parameters).toEqual({ origin: 'test' });
    expect(await traci.getProgram(LIGHT)).toBe('citybrain');

    // Right after the switch SUMO 1.15 times the starting phase on its own (10 s here, not phase 3's 3 s),
    // so phase 0 may take a while to come round; its length is the check.
    const greenStartS = await stepUntil((light) => light.phaseIndex === 0, 60);
    const greenEndS = await stepUntil((light) => light.phaseIndex === 1, 60);
    expect(greenEndS - greenStartS).toBe(10);
  });

  it('jumps to a phase and stretches the current one when told', async () => {
    await traci.setPhase(LIGHT, 2);
    await traci.setPhaseDuration(LIGHT, 5);
    const time = await traci.getTime();
    const light = (await traci.simulationStep()).trafficLights.get(LIGHT);
    expect(light?.phaseIndex).toBe(2);
    expect(light?.nextSwitchS).toBe(time + 5);
    await traci.setProgram(LIGHT, '0');
    expect(await traci.getProgram(LIGHT)).toBe('0');
  });

  it('shows a signal state it is given until told otherwise, then runs a program again', async () => {
    const before = (await traci.simulationStep()).trafficLights.get(LIGHT)!;
    const allRed = 'r'.repeat(before.state.length);
    await traci.setRedYellowGreenState(LIGHT, allRed);
    for (let step = 0; step < 3; step++) expect((await traci.simulationStep()).trafficLights.get(LIGHT)?.state).toBe(allRed);
    await expect(traci.setRedYellowGreenState(LIGHT, 'rX')).rejects.toThrow(/other than rRyYgGuoOs/);
    await traci.setProgram(LIGHT, '0');
    expect(await traci.getProgram(LIGHT)).toBe('0');
  });

  it('sets an edge’s speed limit: the vehicles on it slow to it, and speed up again when it is lifted', async () => {
    const edge = 'B1C1';
    await traci.subscribeEdge(edge);
    const meanSpeedAfter = async (steps: number) => {
      let reading = (await traci.simulationStep()).edges.get(edge)!;
      for (let step = 1; step < steps || reading.vehicleCount === 0; step++) reading = (await traci.simulationStep()).edges.get(edge)!;
      return reading.meanSpeedMps;
    };
    await traci.setEdgeMaxSpeed(edge, 2);
    // Vehicles may drive a little above a limit (their speed factor), never far.
    expect(await meanSpeedAfter(60)).toBeLessThan(2 * 1.3);
    await traci.setEdgeMaxSpeed(edge, 13.89);
    expect(await meanSpeedAfter(60)).toBeGreaterThan(2 * 1.3);
    await expect(traci.setEdgeMaxSpeed(edge, 0)).rejects.toThrow('speedMps must be a finite speed > 0 m/s, got 0');
    await expect(traci.setEdgeMaxSpeed('nowhere', 5)).rejects.toThrow(/edge\.setMaxSpeed\("nowhere", 5\)/);
  });

  it('rejects what SUMO refuses with its reason and the command named, and stays usable', async () => {
    const refusal = await traci.setPhase(LIGHT, 99).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TraciError);
    expect((refusal as TraciError).command).toBe('trafficlight.setPhase("B1", 99)');
    await expect(traci.setPhase(LIGHT, 99)).rejects.toThrow(/^SUMO refused trafficlight\.setPhase\("B1", 99\) \(error\): .*99/);
    await expect(traci.getAllProgramLogics('nowhere')).rejects.toThrow(/trafficlight\.getAllProgramLogics\("nowhere"\).*nowhere/);
    await expect(traci.subscribeEdge('nowhere')).rejects.toBeInstanceOf(TraciError);
    await expect(traci.setProgram(LIGHT, 'never-defined')).rejects.toThrow(/setProgram\("B1", "never-defined"\)/);
    expect(await traci.getTime()).toBeGreaterThan(0);
  });

  it('refuses a malformed program before sending it', async () => {
    const [logic] = await traci.getAllProgramLogics(LIGHT);
    if (!logic) throw new Error('no program');
    const badState = { ...logic, phases: logic.phases.map((phase, index) => (index === 1 ? { ...phase, state: 'GGx' } : phase)) };
    await expect(traci.setProgramLogic(LIGHT, badState)).rejects.toThrow('phase 1: state "GGx" is not a string of signal characters');
    await expect(traci.setProgramLogic(LIGHT, { ...logic, currentPhaseIndex: 9 })).rejects.toThrow('currentPhaseIndex 9');
    await expect(traci.simulationStep(-1)).rejects.toThrow('targetTimeS must be a finite number of seconds ≥ 0, got -1');
  });

  it('closes: SUMO answers, exits by itself, and later requests fail clearly', async () => {
    await traci.close();
    const exit = await sumo.exited;
    expect(exit.code).toBe(0);
    expect(() => process.kill(sumo.pid, 0)).toThrow();
    await expect(traci.getTime()).rejects.toThrow(/simulation\.getTime\(\): TraCI connection closed/);
  });
});
