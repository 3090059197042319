/**
 * wall_4k_first_frame_ms: from starting the load of a Wall screen at
 * 3840×2160 in headless Chromium to its 3D twin reporting the city drawn
 * with a frame rendered (`data-state="drawn"` and `data-frame` ≥ 1). A fresh
 * browser context per run, so a cold cache. Software WebGL: the figure is
 * relative, for comparing builds on one machine.
 */
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';

/** A wall screen holds still while it loads; this only bounds a hung run. */
const DRAW_TIMEOUT_MS = 300_000;

export async function measureWallFirstFrameMs(browser: Browser, wallUrl: string, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 3840, height: 2160 } });
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(wallUrl);
    await page.waitForFunction(
      () => {
        const map = document.querySelector<HTMLElement>('[data-testid="wall-map"] [data-testid="city-map"]');
        return map?.dataset.state === 'drawn' && Number(map.dataset.frame ?? 0) >= 1;
      },
      undefined,
      { timeout: DRAW_TIMEOUT_MS, polling: 50 },
    );
    samples.push(performance.now() - started);
    await context.close();
  }
  return samples;
}
