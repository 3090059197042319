/**
 * The layout check of issue 14 on every view at every target size, in both
 * languages: no text clipped, no panels overlapping, nothing off the window,
 * no document scroll (rules in tests/support/layout-check.ts). One page per
 * view is resized and switched language in place; each state gets a
 * screenshot in test-results/layout/<view>-<w>x<h>-<lang>.png, and the test
 * fails once, at the end, listing every fault.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CityMeta } from '../../backend-bridge/protocol';
import { LOCALE_STORAGE_KEY, type Locale } from '../../renderer/i18n/locale';
import { DRAW_TIMEOUT_MS, SHOTS_DIR, useE2eSession } from '../support/e2e-session';
import { postDistrictAlert } from '../support/cap-alerts';
import { type LayoutViolation, type PanelSelector, checkLayout, formatViolations } from '../support/layout-check';
import { COCKPIT_PANELS, CONSOLE_PANELS, WALL_PANELS } from '../support/layout-panels';

const session = useE2eSession();
const LAYOUT_SHOTS_DIR = `${SHOTS_DIR}/layout`;

interface Size {
  width: number;
  height: number;
}
const DESK_SIZES: readonly Size[] = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
  { width: 3840, height: 2160 },
];
const WALL_SIZES: readonly Size[] = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];


/**
 * Buildings and the heatmap off. Software WebGL redraws the map on every
 * traffic frame, and at 4K with 20,000 buildings and a full-screen heatmap
 * pass one redraw takes most of a minute on a loaded machine, during which
 * the page answers nothing. Neither adds to a DOM layout check: the layer
 * switches and the notices still sit on the map, and the legend still shows
 * (one scale, road flow, instead of two).
 */
const LIGHT_LAYERS = JSON.stringify({ buildings: false, heatmap: false });

let alertsPosted = 0;
/** Posts a Severe CAP alert in district `index`, so the alert queues have rows to lay out. */
async function postAlert(meta: CityMeta, index: number): Promise<void> {
  const bridge = { origin: session.bridge.origin, operatorToken: session.bridge.tokens.operator };
  await postDistrictAlert(bridge, meta, { districtIndex: index, identifier: `E2E-LAYOUT-${++alertsPosted}`, headline: `Smoke reported near the market, block ${index}` });
}

async function openView(route: string, size: Size, locale: Locale): Promise<{ page: Page; errors: string[] }> {
  const context = await session.browser.newContext({ viewport: size, reducedMotion: 'reduce' });
  // Only before the first load: later reloads keep the language the test switched to.
  await context.addInitScript(
    ([localeKey, chosen, layers]) => {
      if (sessionStorage.getItem('layout-e2e.started')) return;
      sessionStorage.setItem('layout-e2e.started', '1');
      localStorage.setItem(localeKey, chosen);
      localStorage.setItem('citybrain.layers', layers);
    },
    [LOCALE_STORAGE_KEY, locale, LIGHT_LAYERS] as const,
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${session.bridge.origin}/#${route}`);
  await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 60_000 });
  return { page, errors };
}

/**
 * Layout has caught up with the last change. Style and layout are computed
 * on demand, so reading a box brings them up to date without waiting for a
 * frame (a frame waits for software WebGL to draw the map: seconds at 4K);
 * the fonts the new glyphs need load in the meantime. Only the charts follow
 * size in a ResizeObserver, and they draw in a canvas the check does not read.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    document.body.getBoundingClientRect();
    await document.fonts.ready;
  });
}

/** Switches the UI language with the header's switch (Console, Cockpit): in place, no reload. */
async function switchLanguage(page: Page, locale: Locale): Promise<void> {
  // The button's own click handler, dispatched in the page: a pointer click waits for a composited frame,
  // which software WebGL drawing the map at 2560×1440 and above delays past any sane timeout.
  await page.locator(`[data-testid="language-switch"] button[lang="${locale}"]`).evaluate((button: HTMLElement) => button.click());
  await page.locator(`html[lang="${locale}"]`).waitFor();
}

/** The wall has no switch (no mouse): the stored choice, then a reload, as an installer would set it. */
async function switchWallLanguage(page: Page, locale: Locale): Promise<void> {
  await page.evaluate(([key, chosen]) => localStorage.setItem(key, chosen), [LOCALE_STORAGE_KEY, locale] as const);
  await page.reload();
  await page.locator(`html[lang="${locale}"]`).waitFor();
  await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 60_000 });
}

/**
 * A PNG of the page as it stands. Chromium's fast PNG encoder: the default
 * one spends tens of seconds compressing one 4K frame on a loaded 2-core
 * machine, and these pictures are for looking at, not for keeping.
 */
async function screenshot(page: Page, path: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { data } = (await cdp.send('Page.captureScreenshot', { format: 'png', optimizeForSpeed: true })) as { data: string };
    writeFileSync(path, Buffer.from(data, 'base64'));
  } finally {
    await cdp.detach();
  }
}

/** Resizes, settles, checks, and saves the screenshot. */
async function checkAt(page: Page, view: string, size: Size, locale: Locale, panels: readonly PanelSelector[]): Promise<LayoutViolation[]> {
  const started = Date.now();
  await page.setViewportSize(size);
  await settled(page);
  const settledAt = Date.now();
  const violations = await checkLayout(page, { view, widthPx: size.width, heightPx: size.height, locale }, panels);
  const checkedAt = Date.now();
  await screenshot(page, `${LAYOUT_SHOTS_DIR}/${view}-${size.width}x${size.height}-${locale}.png`);
  // Written as found, so a run cut short still leaves what it saw.
  appendFileSync(`${LAYOUT_SHOTS_DIR}/violations-so-far.txt`, `${formatViolations(violations)}\n`);
  console.log(
    `layout: ${view} ${size.width}×${size.height} ${locale}: ${violations.length} faults; ` +
      `settle ${settledAt - started} ms, check ${checkedAt - settledAt} ms, screenshot ${Date.now() - checkedAt} ms`,
  );
  return violations;
}

/**
 * Each language at every size, smallest first. One language switch per
 * view, made at the smallest size: on the wall it is a reload, and the map
 * redraws at the size it is made at.
 */
async function checkAllSizes(
  page: Page,
  view: string,
  sizes: readonly Size[],
  panels: readonly PanelSelector[],
  switchTo: (locale: Locale) => Promise<void>,
): Promise<LayoutViolation[]> {
  const violations: LayoutViolation[] = [];
  for (const locale of ['zh-CN', 'en'] as const) {
    if (locale !== 'zh-CN') {
      await page.setViewportSize(sizes[0]!);
      await switchTo(locale);
      await waitReady(page, view);
    }
    for (const size of sizes) violations.push(...(await checkAt(page, view, size, locale, panels)));
  }
  return violations;
}

/** The view shows its data, so the check sees real rows and figures, not placeholders. */
async function waitReady(page: Page, view: string): Promise<void> {
  const poll = { timeout: 60_000 };
  if (view === 'console') {
    await page.locator('[data-testid="city-map"][data-state="drawn"]').waitFor({ timeout: DRAW_TIMEOUT_MS });
    await page.locator('[data-testid="drill-panel"][data-state="ready"]').waitFor(poll);
    await expect.poll(() => page.getByTestId('sim-time').textContent(), poll).toMatch(/\d\d:\d\d/);
    await expect.poll(() => page.locator('[data-testid="alert-row"]').count(), poll).toBeGreaterThanOrEqual(alertsPosted);
  } else if (view === 'cockpit') {
    await expect.poll(() => page.getByTestId('cockpit-tti').locator('.kpi__value').textContent(), poll).toMatch(/\d\.\d\d/);
    await expect.poll(() => page.locator('[data-testid="cockpit-attention"] tbody tr').count(), poll).toBe(5);
    await expect.poll(() => page.getByTestId('cockpit-signals').locator('.kpi__value').textContent(), poll).toMatch(/\d/);
  } else {
    await page.locator('[data-testid="wall-map"] [data-testid="city-map"][data-state="drawn"]').waitFor({ timeout: DRAW_TIMEOUT_MS });
    await expect.poll(() => page.getByTestId('wall-kpis').locator('.kpi__value').first().textContent(), poll).toMatch(/\d\.\d\d/);
    // The wall lists only the alerts that fit (the rest are "and M more"): every posted one is counted, some rows are shown.
    await expect.poll(async () => Number(await page.getByTestId('alerts-panel').getAttribute('data-open')), poll).toBeGreaterThanOrEqual(alertsPosted);
    await expect.poll(() => page.locator('[data-testid="alerts-panel"] [data-testid="alert-row"]').count(), poll).toBeGreaterThan(0);
  }
  await settled(page);
}

/** One view, every size, both languages; its faults are collected for the last test. */
async function checkView(view: string, route: string, sizes: readonly Size[], panels: readonly PanelSelector[]): Promise<void> {
  const started = Date.now();
  const { page, errors } = await openView(route, sizes[0]!, 'zh-CN');
  await waitReady(page, view);
  const switchTo = view === 'wall' ? (locale: Locale) => switchWallLanguage(page, locale) : (locale: Locale) => switchLanguage(page, locale);
  found.push(...(await checkAllSizes(page, view, sizes, panels, switchTo)));
  await page.context().close();
  console.log(`layout: ${view} took ${Date.now() - started} ms`);
  expect(errors).toEqual([]);
}

/** Every view's faults, failed on at once by the last test. */
const found: LayoutViolation[] = [];
/**
 * One view drawn by software WebGL at four sizes, each in two languages. On an
 * idle 2-core machine a view takes a minute or two; with the cores shared
 * eight ways a 4K screenshot alone takes over a minute.
 */
const VIEW_TIMEOUT_MS = 900_000;

describe('Layout', () => {
  beforeAll(() => mkdirSync(LAYOUT_SHOTS_DIR, { recursive: true }));

  it('checks the Console at every desk size in both languages', async () => {
    const meta = (await (await fetch(`${session.bridge.origin}/city/meta.json`)).json()) as CityMeta;
    for (let i = 0; i < 6; i++) await postAlert(meta, i);
    await checkView('console', `/console?token=${session.bridge.tokens.operator}`, DESK_SIZES, CONSOLE_PANELS);
  }, VIEW_TIMEOUT_MS);

  it('checks the Cockpit at every desk size in both languages', async () => {
    await checkView('cockpit', `/cockpit?token=${session.bridge.tokens.viewer}`, DESK_SIZES, COCKPIT_PANELS);
  }, VIEW_TIMEOUT_MS);

  it('checks the Wall (one-screen layout) at 1920×1080 and 3840×2160 in both languages', async () => {
    await checkView('wall', `/wall?token=${session.bridge.tokens.viewer}`, WALL_SIZES, WALL_PANELS);
  }, VIEW_TIMEOUT_MS);

  it('clips no text, overlaps no panels and scrolls no document on any view, size or language', () => {
    // Also on disk beside the screenshots, to read each fault next to its picture.
    writeFileSync(`${LAYOUT_SHOTS_DIR}/violations.txt`, `${formatViolations(found)}\n`);
    expect(found.length, `${found.length} layout faults:\n${formatViolations(found)}`).toBe(0);
  });
});
