/**
 * Signal control against a real SUMO, end to end: on a small netgenerate
 * grid, an operator opens a SUMO traffic light in the console, sees its
 * program and a countdown that follows SUMO, lengthens a green and applies
 * it. The proof that SUMO's own light changed, and when, comes from SUMO
 * itself: the scenario makes it write the light's state every step
 * (`SaveTLSStates`), which the bridge never reads. The new program must take
 * over exactly where the running program's cycle ends, and its first green
 * must last what the operator asked for. Switched to max-pressure, the light
 * then runs the states the bridge sends it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SumoNetwork } from '../../backend-bridge/sources/sumo/network/read-sumo-network';
import { type SumoGrid, makeSumoGrid } from '../../backend-bridge/sources/sumo/sumo-grid.fixture';
import { planProgramId } from '../../backend-bridge/sources/sumo/sumo-plan-program';
import { loadSumoScenario } from '../../backend-bridge/sources/sumo/sumo-scenario';
import { SumoSource } from '../../backend-bridge/sources/sumo/sumo-source';
import { launchChromium } from '../support/chromium';
import { clickUntil } from '../support/click-until';
import { SHOTS_DIR } from '../support/e2e-session';
import { openSignalPanel, planVersion } from '../support/signal-panel';
import { type SumoBridge, startSumoBridge } from '../support/sumo-bridge';

/** The grid's central light. */
const LIGHT = 'B1';
/** Sim speed: netgenerate's 90 s cycle passes in seconds, so the new plan takes over soon. */
const SIM_SPEED = 10;

let grid: SumoGrid;
let sumo: SumoBridge;
let network: SumoNetwork;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  grid = makeSumoGrid({ recordLight: LIGHT });
  network = loadSumoScenario({ configFile: grid.configFile }).network;
  sumo = await startSumoBridge(grid.configFile);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sumo?.bridge.close();
  grid?.dispose();
});

interface LightState {
  timeS: number;
  programId: string;
  stepIndex: number;
  state: string;
}

/** SUMO's own record of the light, one entry per step. */
function recordedStates(file: string): LightState[] {
  const pattern = /<tlsState time="([\d.]+)" id="[^"]*" programID="([^"]*)" phase="(\d+)" state="([^"]*)"[^>]*\/>/g;
  return [...readFileSync(file, 'utf8').matchAll(pattern)].map((m) => ({ timeS: Number(m[1]), programId: m[2]!, stepIndex: Number(m[3]), state: m[4]! }));
}

describe('signal control on a SUMO city', () => {
  it('shows a SUMO light’s program and countdown, runs a plan applied in the console from the next cycle boundary, and max-pressure when asked', async () => {
    const file = network.programs.find((program) => program.tlId === LIGHT)!;
    const nodeId = file.plan.nodeId;
    sumo.source.setClock({ speedFactor: SIM_SPEED, paused: false });
    const { page, errors } = await openSignalPanel(browser, sumo.bridge.origin, sumo.tokens.operator, nodeId);

    // The panel shows the network's own program, phase by phase, with a countdown that runs.
    const before = await planVersion(page);
    expect(before).toBe(file.plan.version);
    const countdown = page.getByTestId('signal-countdown');
    const firstReading = await countdown.getAttribute('data-remaining-s');
    await expect.poll(() => countdown.getAttribute('data-remaining-s'), { timeout: 60_000 }).not.toBe(firstReading);
    await page.screenshot({ path: `${SHOTS_DIR}/sumo-signal-panel-1920x1080.png` });

    // Lengthen the first green by 7 s and apply it with a reason.
    await page.getByTestId('signal-edit').click();
    const green = page.getByTestId('signal-green-0');
    const greenBeforeS = Number(await green.inputValue());
    const greenAfterS = greenBeforeS + 7;
    await green.fill(String(greenAfterS));
    await expect.poll(() => page.getByTestId('signal-violation').count(), { timeout: 60_000 }).toBe(0);
    await page.getByTestId('signal-apply').click();
    await page.getByTestId('signal-reason').fill('Longer green for the east-west flow');
    await page.getByTestId('signal-confirm').click();
    await expect.poll(() => page.getByTestId('signal-confirm-dialog').count(), { timeout: 120_000 }).toBe(0);

    // The panel reports the new version running once SUMO runs it, and its countdown follows.
    await expect.poll(() => planVersion(page), { timeout: 180_000 }).toBe(before + 1);
    await expect.poll(() => countdown.getAttribute('data-plan-version'), { timeout: 60_000 }).toBe(String(before + 1));
    // Let the new program's first green run out in SUMO before SUMO is stopped.
    await expect.poll(async () => (await page.locator('[data-testid="signal-phase-current"]').getAttribute('data-phase-index')) !== '0', { timeout: 120_000 }).toBe(true);

    // Max-pressure from the panel: the mode is audited by the bridge and SUMO's light is then driven step by step.
    await clickUntil(page.getByTestId('signal-mode-intersection-maxpressure'), page.getByTestId('signal-confirm-dialog'));
    await page.getByTestId('signal-reason').fill('Queues vary by the minute');
    await page.getByTestId('signal-confirm').click();
    await page.locator('[data-testid="signal-mode"][data-mode="maxpressure"]').waitFor({ timeout: 120_000 });
    // Max-pressure takes the light over at a green (no clearance is cut): a clearance and the green after it
    // mean it runs, whether the light was clearing when asked or max-pressure ended the green itself.
    await page.locator('[data-testid="signal-countdown"][data-interval="yellow"]').waitFor({ timeout: 120_000 });
    await page.locator('[data-testid="signal-countdown"][data-interval="green"]').waitFor({ timeout: 120_000 });
    const reading = await countdown.getAttribute('data-remaining-s');
    await expect.poll(() => countdown.getAttribute('data-remaining-s'), { timeout: 60_000 }).not.toBe(reading);
    expect(errors).toEqual([]);
    await page.context().close();

    // SUMO writes its record when it ends.
    await (sumo.source as SumoSource).shutdown();
    const states = recordedStates(grid.lightStatesFile!);
    const newProgram = planProgramId({ ...file.plan, version: before + 1 });
    const takeover = states.findIndex((s) => s.programId === newProgram);
    expect(takeover).toBeGreaterThan(0);
    // The old program was in the last step before its cycle starts again (the step before plan phase 0's first).
    const cycleStart = file.phaseSteps[0]![0]!;
    const lastStepOfCycle = (cycleStart - 1 + file.steps.length) % file.steps.length;
    expect(states[takeover - 1]).toMatchObject({ programId: file.programId, stepIndex: lastStepOfCycle });
    // ...and SUMO's record shows the operator's green for exactly as long as asked.
    const firstGreen = states.slice(takeover).findIndex((s) => s.stepIndex !== 0);
    expect(firstGreen).toBe(greenAfterS);
    expect(states[takeover]!.state).toMatch(/[Gg]/);
    // Under max-pressure SUMO runs the states it is sent (its "online" program), not a program of its own.
    expect(states.slice(takeover).some((s) => s.programId === 'online')).toBe(true);
  });
});
