/**
 * Live traffic end to end: the simulator on the bridge, frames over the
 * WebSocket, the deck.gl heatmap and road flow over the Cesium city.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DRAW_TIMEOUT_MS, SHOTS_DIR, useE2eSession } from '../support/e2e-session';
import { clickUntil } from '../support/click-until';
import { changedFraction, warmFraction } from '../support/pixels';

const session = useE2eSession();

async function openConsole(token: string): Promise<{ page: Page; map: Locator }> {
  // Reduced motion stops the flow pulses, so what changes on screen between two frames is the traffic.
  const context = await session.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${session.bridge.origin}/#/console?token=${token}`);
  await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 60_000 });
  const map = page.locator('[data-testid="city-map"][data-state="drawn"]');
  await map.waitFor({ timeout: DRAW_TIMEOUT_MS });
  await expect.poll(async () => Number(await map.getAttribute('data-traffic-seq')), { timeout: 60_000 }).toBeGreaterThan(0);
  return { page, map };
}

/** Waits until the map has drawn a traffic frame newer than the one drawn now. */
async function nextTrafficFrame(map: Locator): Promise<void> {
  const seq = Number(await map.getAttribute('data-traffic-seq'));
  await expect.poll(async () => Number(await map.getAttribute('data-traffic-seq')), { timeout: 60_000 }).toBeGreaterThan(seq);
}

async function setLayer(page: Page, layer: string, on: boolean): Promise<void> {
  const box = page.getByTestId(`layer-${layer}`);
  if ((await box.isChecked()) !== on) await clickUntil(box, page.locator(`[data-testid="layer-${layer}"]${on ? ':checked' : ':not(:checked)'}`));
}

/** Four screenshots, two layer round trips and 30 sim minutes at 60×: more than the default test time on a busy machine. */
const LAYERS_TEST_TIMEOUT_MS = 360_000;

const pct = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;

const simTimeMs = async (page: Page) => Date.parse((await page.getByTestId('sim-time').getAttribute('datetime')) ?? '');

describe('Console traffic', () => {
  it('draws the congestion heatmap and coloured roads over the city, and their colours change under 60× sim', async () => {
    const { page, map } = await openConsole(session.bridge.tokens.operator);
    await setLayer(page, 'heatmap', true);
    await setLayer(page, 'flow', true);
    await nextTrafficFrame(map);
    const box = (await map.boundingBox())!;
    const withTraffic = await page.screenshot({ path: `${SHOTS_DIR}/traffic-console-1920x1080.png` });
    expect(warmFraction(withTraffic, box), 'congested roads and heat in warm colours').toBeGreaterThan(0.002);

    await setLayer(page, 'heatmap', false);
    await setLayer(page, 'flow', false);
    await nextTrafficFrame(map);
    const withoutTraffic = await page.screenshot();
    expect(warmFraction(withoutTraffic, box), 'the bare city has no warm colours').toBeLessThan(0.0005);
    const layerShare = changedFraction(withoutTraffic, withTraffic, box);
    expect(layerShare, `map pixels drawn by the traffic layers: ${pct(layerShare)}`).toBeGreaterThan(0.02);
    expect(await page.getByTestId('traffic-legend').count()).toBe(0);

    await setLayer(page, 'heatmap', true);
    await setLayer(page, 'flow', true);
    await nextTrafficFrame(map);
    const before = await page.screenshot();
    const startedAt = await simTimeMs(page);
    await clickUntil(page.getByTestId('speed-60'), page.locator('[data-testid="speed-60"][aria-pressed="true"]'));
    await expect.poll(() => simTimeMs(page), { timeout: 120_000 }).toBeGreaterThan(startedAt + 30 * 60_000);
    await nextTrafficFrame(map);
    await nextTrafficFrame(map);
    const after = await page.screenshot({ path: `${SHOTS_DIR}/traffic-console-after-30-sim-min.png` });
    const changed = changedFraction(before, after, box);
    expect(changed, `map pixels changed after 30 sim minutes: ${pct(changed)}`).toBeGreaterThan(0.005);
    await page.context().close();
  }, LAYERS_TEST_TIMEOUT_MS);

  it('shows the time bar read-only to a viewer, whose speed change the bridge would refuse', async () => {
    const { page } = await openConsole(session.bridge.tokens.viewer);
    await expect.poll(() => page.getByTestId('speed-60').isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('pause').isDisabled()).toBe(true);
    await page.context().close();
  });
});
