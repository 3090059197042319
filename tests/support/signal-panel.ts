/** The console's signal panel opened for one intersection, as the signal e2e tests use it. */
import type { Browser, Page } from 'playwright-core';

/**
 * A console deep-linked to the intersection, its signal panel open and live.
 * Console errors and page errors are collected in `errors`.
 */
export async function openSignalPanel(browser: Browser, origin: string, token: string, nodeId: string): Promise<{ page: Page; errors: string[] }> {
  // The 3D layers start hidden: this test is about the panel, and two consoles share two cores.
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US', reducedMotion: 'reduce' });
  await context.addInitScript(() =>
    localStorage.setItem('citybrain.layers', JSON.stringify({ buildings: false, roads: false, districts: false, heatmap: false, flow: false })),
  );
  const page = await context.newPage();
  // Two consoles drawing the city in software on a shared small machine answer slowly: every wait is long.
  page.setDefaultTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${origin}/#/console?select=intersection:${nodeId}&token=${token}`);
  await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 150_000 });
  // The intersection's figures refresh every second, so the button is never "stable" to Playwright: press it directly.
  const open = page.getByTestId('open-signal-panel');
  await open.waitFor({ timeout: 150_000 });
  await open.dispatchEvent('click');
  await page.locator(`[data-testid="signal-panel"][data-node-id="${nodeId}"][data-state="live"]`).waitFor({ timeout: 150_000 });
  return { page, errors };
}

/** The plan version the panel's header shows. */
export const planVersion = async (page: Page): Promise<number> => Number(await page.getByTestId('signal-plan-version').getAttribute('data-version'));
