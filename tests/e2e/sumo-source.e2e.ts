/**
 * SUMO as the source end to end: the bridge set up from `--sumo` as the
 * command line does it (settings, city from the network, source), a real
 * SUMO on a small netgenerate grid, the console in headless Chromium
 * showing that city and its traffic. Signals are left to their own test.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../../backend-bridge/app/start-bridge';
import type { CityMeta } from '../../backend-bridge/protocol';
import { type SumoGrid, makeSumoGrid } from '../../backend-bridge/sources/sumo/sumo-grid.fixture';
import { launchChromium } from '../support/chromium';
import { DRAW_TIMEOUT_MS, SHOTS_DIR } from '../support/e2e-session';
import { startSumoBridge } from '../support/sumo-bridge';

let grid: SumoGrid;
let bridge: RunningBridge;
let browser: Browser;
let operatorToken: string;
let cityMeta: CityMeta;

beforeAll(async () => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  grid = makeSumoGrid();
  const started = await startSumoBridge(grid.configFile);
  ({ bridge } = started);
  cityMeta = started.city.meta;
  operatorToken = started.tokens.operator;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  grid?.dispose();
});

describe('the console on a SUMO city', () => {
  it('serves the network as the city, and the console draws it with live SUMO traffic', async () => {
    const served = (await (await fetch(`${bridge.origin}/city/meta.json`)).json()) as CityMeta;
    expect(served).toMatchObject({ id: 'sumo-grid', timeZone: 'Europe/Berlin' });
    expect(served.links.map((link) => link.id)).toEqual(cityMeta.links.map((link) => link.id));
    expect(served.links).toHaveLength(24);

    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'en-US', reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${bridge.origin}/#/console?token=${operatorToken}`);
    await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('city-name').textContent(), { timeout: 60_000 }).toBe('SUMO grid');
    await page.locator('[data-testid="source-indicator"][data-state="live"]').waitFor({ timeout: 60_000 });

    const map = page.locator('[data-testid="city-map"][data-state="drawn"]');
    await map.waitFor({ timeout: DRAW_TIMEOUT_MS });
    const frameSeq = async () => Number(await map.getAttribute('data-traffic-seq'));
    await expect.poll(frameSeq, { timeout: 60_000 }).toBeGreaterThan(0);
    const seq = await frameSeq();
    await expect.poll(frameSeq, { timeout: 60_000 }).toBeGreaterThan(seq);
    await page.screenshot({ path: `${SHOTS_DIR}/sumo-console-1600x900.png` });

    const health = (await (await fetch(`${bridge.origin}/api/health`)).json()) as { source: string; sourceStatus: { state: string } };
    expect(health).toMatchObject({ source: 'sumo', sourceStatus: { state: 'live' } });
    expect(errors).toEqual([]);
    await context.close();
  });
});
