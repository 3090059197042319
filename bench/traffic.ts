/**
 * Traffic figures:
 *   traffic_frame_bytes   one binary traffic frame of the demo city, as sent
 *   traffic_decode_ms     decoding one frame plus heat weights and road colours (the worker's work), mean
 *   heatmap_fps_headless  frames per second of the Console with every traffic layer on, headless Chromium
 *                         (software WebGL here: a relative figure)
 */
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { generateDemoCity } from '../backend-bridge/city/demo-city';
import { encodeLinkTraffic } from '../backend-bridge/traffic/traffic-frames';
import { TrafficSim } from '../backend-bridge/sources/simulator/traffic-sim';
import { TrafficFrameProcessor, cityTrafficModel } from '../renderer/features/traffic/traffic-frame-processor';

/** Real frames of the demo city's morning, one per simulated 15 s. */
function demoFrames(count: number): ArrayBuffer[] {
  const city = generateDemoCity();
  const sim = new TrafficSim(city, { seed: city.meta.seed ?? 0 });
  const frames: ArrayBuffer[] = [];
  for (let i = 0; i < count; i++) {
    sim.advance(15);
    frames.push(encodeLinkTraffic({ simTimeMs: sim.simTimeMs, ...sim.linkMetrics() }, i + 1, 60));
  }
  return frames;
}

export function measureTrafficDecode(): { frameBytes: number; decodeMs: number } {
  const city = generateDemoCity();
  const frames = demoFrames(40);
  const processor = new TrafficFrameProcessor(cityTrafficModel(city.meta, city.linkShapes));
  // Warm the JIT on the first frames, then time the rest several times over.
  for (const frame of frames.slice(0, 10)) processor.process(frame, 0);
  const rounds = 10;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    frames.forEach((frame, i) => processor.process(frame, (round * frames.length + i) * 250));
  }
  const decodeMs = (performance.now() - started) / (rounds * frames.length);
  return { frameBytes: frames[0]!.byteLength, decodeMs };
}

export async function measureHeatmapFps(browser: Browser, consoleUrl: string, seconds = 10): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(consoleUrl);
  const map = page.locator('[data-testid="city-map"][data-state="drawn"]');
  await map.waitFor({ timeout: 300_000 });
  await page.waitForFunction(`Number(document.querySelector('[data-testid="city-map"]')?.getAttribute('data-traffic-seq')) > 0`, null, {
    timeout: 120_000,
  });
  // A source string, not a function: tsx's name-keeping helpers do not exist inside the page.
  const fps = (await page.evaluate(`new Promise((resolve) => {
    let frames = 0;
    const started = performance.now();
    const tick = () => {
      frames++;
      if (performance.now() - started < ${seconds * 1000}) requestAnimationFrame(tick);
      else resolve((frames * 1000) / (performance.now() - started));
    };
    requestAnimationFrame(tick);
  })`)) as number;
  await context.close();
  return fps;
}
