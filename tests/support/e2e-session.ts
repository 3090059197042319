/**
 * The shared set-up of an end-to-end test file: one demo bridge and one
 * headless Chromium for the whole file, closed when it ends, and the folder
 * screenshots go to (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { type DemoBridge, startDemoBridge } from './demo-bridge';

export const SHOTS_DIR = 'test-results';

/** Software WebGL draws the first frame of 20,000+ buildings in seconds, not milliseconds. */
export const DRAW_TIMEOUT_MS = 150_000;

export interface E2eSession {
  readonly bridge: DemoBridge;
  readonly browser: Browser;
}

/** Registers the file's beforeAll/afterAll hooks; read the fields inside tests only. */
export function useE2eSession(): E2eSession {
  let bridge: DemoBridge | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    bridge = await startDemoBridge();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
  });
  return {
    get bridge() {
      if (!bridge) throw new Error('the demo bridge is not running (read it inside a test)');
      return bridge;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not running (read it inside a test)');
      return browser;
    },
  };
}
