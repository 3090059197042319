/**
 * The walking skeleton end to end: bridge, renderer and WebSocket in a real
 * headless Chromium, offline. Screenshots land in test-results/ (git-ignored).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DRAW_TIMEOUT_MS, SHOTS_DIR, useE2eSession } from '../support/e2e-session';
import { offHost, recordRequests } from '../support/off-host';
import { litBuildingFraction } from '../support/pixels';


const session = useE2eSession();

interface OpenedPage {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Uncaught errors in the page. */
  errors: string[];
}

async function open(route: string, viewport: { width: number; height: number }): Promise<OpenedPage> {
  const context = await session.browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const requests = recordRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${session.bridge.origin}/#${route}`);
  return { page, requests, errors };
}

const pct = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;


describe('Console', () => {
  it('connects live as operator, draws the 3D city with buildings, and requests nothing beyond localhost', async () => {
    const { page, requests, errors } = await open(`/console?token=${session.bridge.tokens.operator}`, { width: 1920, height: 1080 });
    await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 60_000 });
    const map = page.locator('[data-testid="city-map"][data-state="drawn"]');
    await map.waitFor({ timeout: DRAW_TIMEOUT_MS });
    expect(Number(await map.getAttribute('data-buildings'))).toBeGreaterThanOrEqual(20_000);

    // The operator token is not left in the address bar.
    expect(page.url()).not.toContain(session.bridge.tokens.operator);

    // Buildings are there when hiding them takes a large share of lit pixels off the map.
    const box = (await map.boundingBox())!;
    const withBuildings = litBuildingFraction(await page.screenshot({ path: `${SHOTS_DIR}/console-1920x1080.png` }), box);
    const framesBefore = Number(await map.getAttribute('data-frame'));
    await page.getByTestId('layer-buildings').click();
    await expect.poll(async () => Number(await map.getAttribute('data-frame')), { timeout: 60_000 }).toBeGreaterThan(framesBefore);
    const withoutBuildings = litBuildingFraction(await page.screenshot(), box);
    expect(withBuildings - withoutBuildings, `lit map pixels: ${pct(withBuildings)} with buildings, ${pct(withoutBuildings)} without`).toBeGreaterThan(0.03);

    expect(offHost(requests)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows a refused connection with the bridge reason for an invalid token', async () => {
    const { page } = await open('/console?token=not-a-real-token', { width: 1280, height: 720 });
    const indicator = page.locator('[data-testid="connection"][data-state="refused"]');
    await indicator.waitFor({ timeout: 60_000 });
    await expect.poll(() => page.textContent('body')).toContain('token is not valid for this bridge');
    await page.context().close();
  });
});
