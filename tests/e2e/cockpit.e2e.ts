/**
 * The cockpit end to end: a viewer in a plain browser at 1920×1080 sees the
 * leadership figures, each with its unit and the time it holds for, and an
 * honest note where yesterday has no record. Screenshot in test-results/.
 */
import { describe, expect, it } from 'vitest';
import { SHOTS_DIR, useE2eSession } from '../support/e2e-session';
import { offHost, recordRequests } from '../support/off-host';

const session = useE2eSession();

describe('Cockpit', () => {
  it('shows a viewer the city figures with units and times, read-only', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' });
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
    await expect.poll(() => tile('cockpit-resolved').textContent(), { timeout: 30_000 }).toMatch(/\d+\s*alerts?.*min.*today, since/s);
    await expect.poll(() => tile('cockpit-signals').textContent(), { timeout: 30_000 }).toMatch(/\d+\s*changes?.*today, since/s);
    await expect.poll(() => page.locator('[data-testid="cockpit-attention"] tbody tr').count(), { timeout: 30_000 }).toBe(5);
    // A fresh bridge ran no yesterday: the cockpit says so instead of drawing a made-up line.
    await expect.poll(() => tile('cockpit-trend-comparison').textContent(), { timeout: 30_000 }).toContain('No record for yesterday');

    // Read-only: a viewer gets no push or action buttons.
    expect(await page.locator('button[data-testid="push-to-wall"]').count()).toBe(0);
    const kpiPx = await tile('cockpit-tti').locator('.kpi__value').evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(kpiPx).toBeGreaterThanOrEqual(48);
    await page.screenshot({ path: `${SHOTS_DIR}/cockpit-viewer-1920x1080.png` });
    expect(errors).toEqual([]);
    expect(offHost(requests)).toEqual([]);
    await context.close();
  });
});
