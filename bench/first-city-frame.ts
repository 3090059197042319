/**
 * first_city_frame_ms: from starting the page load in headless Chromium to the
 * 3D map reporting the city drawn (every primitive ready and a frame rendered
 * with the buildings). Each run uses a fresh browser context, so a cold cache.
 * Software WebGL: the figure is relative, for comparing builds on one machine.
 */
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';

export async function measureFirstCityFrameMs(browser: Browser, consoleUrl: string, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(consoleUrl);
    await page.locator('[data-testid="city-map"][data-state="drawn"]').waitFor({ timeout: 300_000 });
    samples.push(performance.now() - started);
    await context.close();
  }
  return samples;
}
