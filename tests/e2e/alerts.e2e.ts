/**
 * Alerts end to end: a CAP alert posted to the bridge reaches two consoles'
 * queues and maps; an operator acknowledges it and the other console sees
 * the new status; a viewer's attempt to act is refused by the bridge, and
 * the refusal is shown.
 */
import type { CityMeta } from '../../backend-bridge/protocol';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickUntil } from '../support/click-until';
import { postDistrictAlert } from '../support/cap-alerts';
import { DRAW_TIMEOUT_MS, useE2eSession } from '../support/e2e-session';


const session = useE2eSession();

async function openConsole(token: string): Promise<{ page: Page; map: Locator; errors: string[] }> {
  // Two consoles drawn by software WebGL on a small machine starve each other's input: reduced motion
  // stills the marker pulse, the road flow and the flash, and the heavy layers start hidden (markers draw over any).
  const context = await session.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US', reducedMotion: 'reduce' });
  await context.addInitScript(() =>
    localStorage.setItem('citybrain.layers', JSON.stringify({ buildings: false, roads: true, districts: true, heatmap: false, flow: false })),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${session.bridge.origin}/#/console?token=${token}`);
  await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 60_000 });
  const map = page.locator('[data-testid="city-map"][data-state="drawn"]');
  await map.waitFor({ timeout: DRAW_TIMEOUT_MS });
  return { page, map, errors };
}

/** Posts a Severe fire alarm as CAP 1.2, in the middle of the city's first district; returns the alert's id. */
async function postFireAlarm(): Promise<string> {
  const meta = (await (await fetch(`${session.bridge.origin}/city/meta.json`)).json()) as CityMeta;
  const bridge = { origin: session.bridge.origin, operatorToken: session.bridge.tokens.operator };
  return postDistrictAlert(bridge, meta, { districtIndex: 0, identifier: 'E2E-ALERT-1', headline: 'Smoke on floor 12', areaDesc: 'Tower' });
}

const markerCount = async (map: Locator) => Number((await map.getAttribute('data-alert-markers')) ?? 0);

describe('Alerts', () => {
  it('shows a new alert in the queue and on the map, syncs an acknowledgement to a second client, and refuses a viewer', async () => {
    const [operator, viewer] = await Promise.all([openConsole(session.bridge.tokens.operator), openConsole(session.bridge.tokens.viewer)]);
    const alertId = await postFireAlarm();

    const row = (page: Page) => page.locator(`[data-testid="alert-row"][data-alert-id="${alertId}"]`);
    for (const { page, map } of [operator, viewer]) {
      await row(page).waitFor({ timeout: 30_000 });
      expect(await row(page).getAttribute('data-severity')).toBe('Severe');
      await expect.poll(() => markerCount(map), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    }

    // The operator acknowledges, with a note; the viewer's console follows.
    // Selecting flies the camera to the alert: the map keeps drawing frames with the markers in it
    // (Cesium stops its render loop silently on a failing shader, so this is what proves they render).
    const framesBefore = Number(await operator.map.getAttribute('data-frame'));
    const drawer = operator.page.getByTestId('alert-drawer');
    await clickUntil(row(operator.page).locator('button'), drawer);
    await expect.poll(async () => Number(await operator.map.getAttribute('data-frame')), { timeout: 60_000 }).toBeGreaterThan(framesBefore + 5);
    expect(await drawer.getAttribute('data-alert-id')).toBe(alertId);

    // The drawer lies beside the queue, not over it: the row stays in view, and the queue keeps its height.
    const [rowBox, drawerBox] = await Promise.all([row(operator.page).boundingBox(), drawer.boundingBox()]);
    expect(rowBox && drawerBox && rowBox.x >= drawerBox.x + drawerBox.width, 'the queue row lies right of the drawer').toBe(true);
    expect((await operator.page.getByTestId('alert-queue').boundingBox())!.height).toBeGreaterThan(200);

    // The place is named by district and road, not in city metres; and the drill-down follows the alert there.
    const meta = (await (await fetch(`${session.bridge.origin}/city/meta.json`)).json()) as CityMeta;
    const drawerText = (await drawer.textContent()) ?? '';
    expect(drawerText).not.toContain('metres east');
    expect(meta.districts.some((district) => drawerText.includes(district.name.en))).toBe(true);
    const panel = operator.page.locator('[data-testid="drill-panel"][data-state="ready"]');
    await expect.poll(() => panel.getAttribute('data-level'), { timeout: 60_000 }).not.toBe('city');
    const crumbDistrict = operator.page.locator('[data-testid="breadcrumb"] [data-level="district"]');
    await crumbDistrict.waitFor({ timeout: 30_000 });
    expect(operator.page.url()).toMatch(/select=(district|intersection|link|device):/);
    await operator.page.getByTestId('alert-note').fill('Fire brigade called, checking cameras');
    await operator.page.getByTestId('alert-action-acknowledge').waitFor();
    await operator.page.getByTestId('alert-action-acknowledge').click();
    await expect.poll(() => row(viewer.page).getAttribute('data-status'), { timeout: 30_000 }).toBe('acknowledged');
    await expect.poll(() => drawer.getAttribute('data-status'), { timeout: 30_000 }).toBe('acknowledged');
    await expect.poll(() => drawer.getByTestId('alert-history').textContent()).toContain('Fire brigade called');

    // The viewer's drawer is read-only, and the bridge refuses its attempt with a reason shown.
    await clickUntil(row(viewer.page).locator('button'), viewer.page.getByTestId('alert-read-only'));
    await viewer.page.getByTestId('alert-note').fill('Trying anyway');
    // The refusal must come from the bridge: on a starved machine the viewer's link may be re-establishing itself.
    await viewer.page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 60_000 });
    await viewer.page.getByTestId('alert-action-false-alarm').click();
    const refusal = viewer.page.getByTestId('alert-action-error');
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.getAttribute('data-code')).toBe('forbidden');
    expect((await refusal.textContent())?.trim().length).toBeGreaterThan(20);
    expect(await row(viewer.page).getAttribute('data-status')).toBe('acknowledged');

    expect(operator.errors).toEqual([]);
    expect(viewer.errors).toEqual([]);
    await operator.page.context().close();
    await viewer.page.context().close();
  }, 300_000);
});
