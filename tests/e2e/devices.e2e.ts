/**
 * Issue 14 end to end: a Console opened with the printed operator link pairs
 * itself, and after the bridge restarts on the same data folder (new links
 * printed) a reload of the page is still the operator, with no refusal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LINK_TTL_MS } from '../../backend-bridge/auth/credential-store';
import { TokenRegistry, issueDemoLinks } from '../../backend-bridge/auth/token-registry';
import { type RunningBridge, startBridge } from '../../backend-bridge/app/start-bridge';
import { generateDemoCity } from '../../backend-bridge/city/demo-city';
import { BRIDGE_DEFAULTS } from '../../backend-bridge/core/bridge-options';
import type { Role } from '../../backend-bridge/protocol';
import { SimulatorSource } from '../../backend-bridge/sources/simulator/simulator-source';
import { launchChromium } from '../support/chromium';
import { RENDERER_DIR } from '../support/demo-bridge';

const city = generateDemoCity();
let dataDir: string;
let bridge: RunningBridge | null = null;
let browser: Browser;

/** Starts the bridge on the test's data folder as `npm run serve` would, and returns the links it would print. */
async function start(port: number): Promise<Record<Role, string>> {
  const tokens = new TokenRegistry();
  bridge = await startBridge({
    ...BRIDGE_DEFAULTS,
    port,
    rendererDir: RENDERER_DIR,
    city,
    tokens,
    source: new SimulatorSource(city, { sim: { seed: city.meta.seed ?? 0 } }),
    dataDir,
  });
  return issueDemoLinks(tokens, DEFAULT_LINK_TTL_MS);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'citybrain-devices-e2e-'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a paired Console', () => {
  it('is still the operator after a bridge restart and a reload, without its link', async () => {
    const links = await start(0);
    const { port } = bridge!;
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${bridge!.origin}/#/console?token=${links.operator}`);
    await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('citybrain.device.console@')), null, { timeout: 30_000 });
    expect(page.url()).not.toContain(links.operator);

    await bridge!.close();
    await start(port);
    await page.reload({ waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('role').textContent()).toBe('Operator');
    expect(await page.getByTestId('connection-refused').count()).toBe(0);
    await context.close();
  });
});
