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

/**
 * The district names shown over the map, and those a panel over the map
 * (legend, layer switches) covers or that fall outside it — both should be none.
 */
function labelLayout(page: Page): Promise<{ shown: number; covered: string[]; outside: string[] }> {
  return page.evaluate(() => {
    const map = document.querySelector('[data-testid="city-map"]')!.getBoundingClientRect();
    const panels = Array.from(document.querySelectorAll('[data-map-panel]')).map((panel) => panel.getBoundingClientRect());
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.district-labels__label')).filter((label) => label.style.visibility !== 'hidden');
    const rect = (label: HTMLElement) => label.getBoundingClientRect();
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return {
      shown: shown.length,
      covered: shown.filter((label) => panels.some((panel) => overlaps(rect(label), panel))).map((label) => label.textContent ?? ''),
      outside: shown
        .filter((label) => {
          const r = rect(label);
          return r.left < map.left || r.right > map.right || r.top < map.top || r.bottom > map.bottom;
        })
        .map((label) => label.textContent ?? ''),
    };
  });
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

    // Issue 14: district names above the roads and clear of the panels; no Cesium ion logo (ion is never used).
    const labels = await labelLayout(page);
    expect(labels.shown, 'district names shown at the city view').toBeGreaterThan(0);
    expect(labels.covered, 'district names under a panel').toEqual([]);
    expect(labels.outside, 'district names off the map').toEqual([]);
    expect(await page.locator('.cesium-credit-logoContainer img').count()).toBe(0);
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
