/**
 * drill_select_ms: from a click on a district row in the console to the
 * drill panel showing that district's figures from the bridge (the
 * subscription's round trip, Vue's update and the charts' first draw), in
 * headless Chromium. Timed inside the page, click to the panel's
 * `data-state="ready"` for the clicked id, so no test-driver round trip is
 * counted. Rows alternate so each click is a new subscription. Software
 * WebGL draws the camera flight meanwhile: the figure is relative, for
 * comparing builds on one machine.
 */
import type { Browser } from 'playwright-core';

/**
 * Page source that clicks the row of `districtId` and resolves with the ms
 * until the panel is filled for it. A source string, not a function: tsx's
 * name-keeping helpers do not exist inside the page.
 */
function clickAndTimeSource(districtId: string): string {
  const id = JSON.stringify(districtId);
  return `new Promise((resolve, reject) => {
    const panel = document.querySelector('[data-testid="drill-panel"]');
    const row = document.querySelector('[data-testid="console-districts"] tr[data-district=' + JSON.stringify(${id}) + ']');
    if (!panel || !row) throw new Error('no drill panel or no row for ' + ${id});
    const timer = setTimeout(() => reject(new Error('the panel did not fill for ' + ${id} + ' within 60 s')), 60000);
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (panel.getAttribute('data-level') !== 'district' || panel.getAttribute('data-entity-id') !== ${id} || panel.getAttribute('data-state') !== 'ready') return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(performance.now() - started);
    });
    observer.observe(panel, { attributes: true });
    row.click();
  })`;
}

/** Samples of click-to-filled, ms, one per selection after a first warm-up selection. */
export async function measureDrillSelectMs(browser: Browser, consoleUrl: string, selections: number): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    await page.goto(consoleUrl);
    await page.locator('[data-testid="city-map"][data-state="drawn"]').waitFor({ timeout: 300_000 });
    await page.locator('[data-testid="drill-panel"][data-state="ready"]').waitFor({ timeout: 60_000 });
    const ids = await page.locator('[data-testid="console-districts"] tr[data-district]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-district')!));
    if (ids.length < 2) throw new Error(`drill_select_ms needs two districts, the console lists ${ids.length}`);
    const samples: number[] = [];
    for (let i = 0; i <= selections; i++) {
      const elapsedMs = (await page.evaluate(clickAndTimeSource(ids[i % 2]!))) as number;
      if (i > 0) samples.push(elapsedMs);
    }
    return samples;
  } finally {
    await context.close();
  }
}
