/**
 * Clicks a control until what it should bring about is on the page. A page
 * drawing the city with software WebGL on a busy machine may re-render the
 * control under the pointer, or miss a click that lands before its handler
 * is attached; each click here first waits for the control to be visible and
 * enabled, then waits for the outcome, and clicks again only if none came.
 */
import type { Locator } from 'playwright-core';

export interface ClickUntilOptions {
  /** Clicks at most. @default 4 */
  attempts?: number;
  /** How long each click's outcome is waited for, ms. @default 15_000 */
  outcomeTimeoutMs?: number;
}

export async function clickUntil(control: Locator, outcome: Locator, options: ClickUntilOptions = {}): Promise<void> {
  const { attempts = 4, outcomeTimeoutMs = 15_000 } = options;
  for (let attempt = 1; ; attempt++) {
    await control.waitFor({ state: 'visible', timeout: 60_000 });
    // force: Playwright's stability check needs two quiet animation frames, which a software-rendered map may not give in time.
    if (await control.isEnabled()) await control.click({ force: true, timeout: 30_000 });
    try {
      await outcome.waitFor({ state: 'visible', timeout: outcomeTimeoutMs });
      return;
    } catch (error) {
      if (attempt >= attempts) throw new Error(`clicked ${String(control)} ${attempts} times and ${String(outcome)} never appeared`, { cause: error });
    }
  }
}
