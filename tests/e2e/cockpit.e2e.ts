/**
 * The cockpit end to end: a viewer in a plain browser sees the leadership
 * figures, each with its unit, the time it holds for, its target and the
 * week-earlier line; the city's today said with its day and zone; a calm
 * district map; a table with labelled columns; everything inside the window
 * with nothing to scroll. TV mode cycles its pages with no controls.
 * Screenshots in test-results/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS_DIR, useE2eSession } from '../support/e2e-session';
import { offHost, recordRequests } from '../support/off-host';

const session = useE2eSession();

/** Text that overflows its box without an ellipsis and a tooltip, and whether the page scrolls. */
async function fitReport(page: Page) {
  return page.evaluate(() => {
    const clipped: string[] = [];
    for (const element of Array.from(document.querySelectorAll('[data-testid="cockpit"] *'))) {
      if (!(element instanceof HTMLElement) || element.closest('svg') || element.closest('.chart')) continue;
      const style = getComputedStyle(element);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      if (element.scrollWidth <= element.clientWidth + 1 && element.scrollHeight <= element.clientHeight + 1) continue;
      const explained = style.textOverflow === 'ellipsis' && element.closest('[title]') !== null;
      if (!explained) clipped.push(`${element.className}: "${(element.textContent ?? '').slice(0, 40)}"`);
    }
    return { scrolls: document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth, clipped };
  });
}

describe('Cockpit', () => {
  it('shows a viewer the city figures with units, times, targets and a map, on one screen without scrolling', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' });
    await context.addInitScript(() => localStorage.setItem('citybrain.locale', 'en'));
    const page = await context.newPage();
    const requests = recordRequests(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${session.bridge.origin}/#/cockpit?token=${session.bridge.tokens.viewer}`);
    await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 60_000 });

    const tile = (id: string) => page.getByTestId(id);
    // Each figure: a number, its unit, and a note saying when it holds.
    await expect.poll(() => tile('cockpit-tti').textContent(), { timeout: 60_000 }).toMatch(/\d\.\d\d\s*× free-flow time.*band: (free|light|moderate|heavy|jammed).*sim time \d\d:\d\d/s);
    await expect.poll(() => tile('cockpit-speed').textContent(), { timeout: 30_000 }).toMatch(/\d+\.\d\s*km\/h.*sim time \d\d:\d\d/s);
    await expect.poll(() => tile('cockpit-open-alerts').textContent(), { timeout: 30_000 }).toMatch(/\d+\s*alerts?.*as of \d\d:\d\d:\d\d/s);
    await expect.poll(() => tile('cockpit-resolved').textContent(), { timeout: 30_000 }).toMatch(/\d+\s*alerts?.*Mean time to resolve.*Today · /s);
    await expect.poll(() => tile('cockpit-signals').textContent(), { timeout: 30_000 }).toMatch(/\d+\s*changes?.*today, since/s);
    // One today, the city's, said with its day and zone.
    await expect.poll(() => tile('cockpit-today').textContent(), { timeout: 30_000 }).toMatch(/^Today · .+ \(city time, UTC[+−]\d+(:\d\d)?\)$/);

    // Every figure against its configured target (the documented defaults here), and the week-earlier line.
    expect(await tile('cockpit-tti').getByTestId('kpi-target').textContent()).toMatch(/^Target ≤ 1\.5 · (✓ met|✗ not met)$/);
    expect(await tile('cockpit-speed').getByTestId('kpi-target').textContent()).toMatch(/^Target ≥ 25 · /);
    expect(await tile('cockpit-open-alerts').getByTestId('kpi-target').textContent()).toMatch(/^Target ≤ 3 · /);
    expect(await tile('cockpit-resolved').getByTestId('kpi-target').textContent()).toMatch(/^Target ≤ 30 · /);
    // A fresh bridge ran no week ago and no yesterday: the cockpit says so instead of inventing figures.
    expect(await tile('cockpit-tti').getByTestId('kpi-compare').textContent()).toBe('No figure a week ago yet');
    await expect.poll(() => tile('cockpit-trend-comparison').textContent(), { timeout: 30_000 }).toContain('No record for yesterday');
    const served = await page.evaluate(async () => (await fetch('/api/cockpit-settings')).json());
    expect(served).toEqual({ targets: { ttiMax: 1.5, meanTimeToResolveMaxMin: 30, avgSpeedMinKmh: 25, severeOpenAlertsMax: 3 }, tvPageS: 20 });

    // The map: every district outlined and banded by its index, with a legend.
    await expect.poll(() => page.locator('[data-testid="cockpit-map"] path[data-band]:not([data-band=""])').count(), { timeout: 30_000 }).toBeGreaterThan(3);
    expect(await page.getByTestId('cockpit-map').textContent()).toContain('Travel time index');

    // The attention table: five districts and a labelled column for every figure.
    await expect.poll(() => page.locator('[data-testid="cockpit-attention"] tbody tr').count(), { timeout: 30_000 }).toBe(5);
    expect(await page.locator('[data-testid="cockpit-attention"] thead th').allTextContents()).toEqual(['#', 'District', 'Index', 'km/h', 'Alerts', 'Score']);

    // Read-only: a viewer gets no push or action buttons.
    expect(await page.locator('button[data-testid="push-to-wall"]').count()).toBe(0);
    const kpiPx = await tile('cockpit-tti').locator('.kpi__value').evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(kpiPx).toBeGreaterThanOrEqual(48);
    await page.screenshot({ path: `${SHOTS_DIR}/cockpit-viewer-1920x1080.png`, timeout: 120_000 });
    expect(await fitReport(page)).toEqual({ scrolls: false, clipped: [] });

    expect(errors).toEqual([]);
    expect(offHost(requests)).toEqual([]);
    await context.close();
  });

  it('fits the smallest screen, 1366×768, in Chinese', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await context.addInitScript(() => localStorage.setItem('citybrain.locale', 'zh-CN'));
    const page = await context.newPage();
    await page.goto(`${session.bridge.origin}/#/cockpit?token=${session.bridge.tokens.viewer}`);
    await expect.poll(() => page.locator('[data-testid="cockpit-attention"] tbody tr').count(), { timeout: 60_000 }).toBe(5);
    await expect.poll(() => page.getByTestId('cockpit-today').textContent(), { timeout: 30_000 }).toMatch(/^今日 · .+（城市时间，UTC[+−]\d+(:\d\d)?）$/);
    await page.screenshot({ path: `${SHOTS_DIR}/cockpit-viewer-1366x768-zh.png`, timeout: 120_000 });
    expect(await fitReport(page)).toEqual({ scrolls: false, clipped: [] });
    await context.close();
  });

  it('TV mode cycles its pages with no controls and no cursor, and keeps going', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' });
    await context.addInitScript(() => localStorage.setItem('citybrain.locale', 'en'));
    const page = await context.newPage();
    await page.goto(`${session.bridge.origin}/#/cockpit?token=${session.bridge.tokens.viewer}&tv=1&interval=6`);
    const cockpit = page.getByTestId('cockpit');
    await expect.poll(() => cockpit.getAttribute('data-tv'), { timeout: 60_000 }).toBe('on');

    // No control an unattended screen could be left on: no button, no language switch, no pointer.
    expect(await page.locator('button:visible').count()).toBe(0);
    expect(await cockpit.evaluate((element) => getComputedStyle(element).cursor)).toBe('none');
    expect(await page.getByTestId('cockpit-tv-indicator').getAttribute('aria-label')).toMatch(/^Page [123] of 3: /);

    // Overview, map and districts, alerts and resolution — then overview again.
    const seen: string[] = [];
    for (const layout of ['overview', 'map', 'alerts', 'overview']) {
      await expect.poll(() => cockpit.getAttribute('data-layout'), { timeout: 15_000, interval: 250 }).toBe(layout);
      seen.push(layout);
      if (layout === 'map') expect(await page.locator('[data-testid="cockpit-map"] path').count()).toBeGreaterThan(3);
      expect(await fitReport(page)).toEqual({ scrolls: false, clipped: [] });
    }
    expect(seen).toEqual(['overview', 'map', 'alerts', 'overview']);
    await context.close();
  });
});
