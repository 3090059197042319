/**
 * `npm run bench:soak`: the Wall view left running, as on a control-room wall.
 *
 *   soak_heap_growth_pct   JS heap of the Wall page (after a forced GC) at the
 *                          end of the run vs right after the warm-up, percent;
 *                          target ≤ 10
 *   soak_reconnects_ok     forced reconnects (the bridge drops every socket)
 *                          after which the page was live again with every
 *                          alert the bridge had raised so far, none lost
 *   soak_reconnects_forced how many were forced, for comparison
 *
 * The demo city runs at 60× sim speed; a CAP alert is posted every
 * ALERT_EVERY_S so the alert stream moves across the reconnects. Durations
 * come from the environment for a quick local check, e.g. SOAK_MINUTES=2
 * SOAK_WARMUP_MINUTES=0.5:
 *   SOAK_MINUTES          measured minutes after the warm-up (default 20)
 *   SOAK_WARMUP_MINUTES   warm-up minutes, not measured (default 2)
 *   SOAK_RECONNECT_EVERY_S seconds between forced reconnects (default 60)
 */
import type { CDPSession, Page } from 'playwright-core';
import { capInfo, capXml, latLonOf } from '../backend-bridge/alerts/cap/cap.fixture';
import { CloseCode, type CityMeta } from '../backend-bridge/protocol';
import { launchChromium } from '../tests/support/chromium';
import { type DemoBridge, startDemoBridge } from '../tests/support/demo-bridge';
import { report } from './report';

process.env.CITYBRAIN_LOG ??= 'warn';

/** Seconds between posted alerts. */
const ALERT_EVERY_S = 15;
/** How long a page may take to be live again with every alert after a forced reconnect, ms. */
const RECOVERY_TIMEOUT_MS = 60_000;

function envNumber(name: string, fallback: number, min: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name}=${JSON.stringify(text)}: expected a number ≥ ${min}`);
  return value;
}

const measuredMs = envNumber('SOAK_MINUTES', 20, 0.1) * 60_000;
const warmUpMs = envNumber('SOAK_WARMUP_MINUTES', 2, 0) * 60_000;
const reconnectEveryMs = envNumber('SOAK_RECONNECT_EVERY_S', 60, 5) * 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** JS heap in use after a full garbage collection, bytes. */
async function heapUsedBytes(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize');
  if (!used) throw new Error('Performance.getMetrics returned no JSHeapUsedSize');
  return used.value;
}

/** Alert ids the Wall page lists in its alert panel. */
const pageAlertIds = (page: Page): Promise<string[]> =>
  page.$$eval('[data-testid="alerts-panel"] [data-testid="alert-row"]', (rows) => rows.map((row) => row.getAttribute('data-alert-id') ?? ''));

function alertPoster(bridge: DemoBridge, meta: CityMeta) {
  const posted: string[] = [];
  return {
    posted,
    async post(): Promise<void> {
      const district = meta.districts[posted.length % meta.districts.length]!;
      const [xM, yM] = district.labelM;
      const area = `<area><areaDesc>${district.name.en}</areaDesc><circle>${latLonOf(meta.origin, xM, yM)} 0.05</circle></area>`;
      const response = await fetch(`${bridge.origin}/api/alerts/cap`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${bridge.tokens.operator}`, 'Content-Type': 'application/cap+xml' },
        body: capXml({ identifier: `SOAK-${posted.length + 1}`, infos: [capInfo({ area, headline: `Soak alert ${posted.length + 1}` })] }),
      });
      const body = (await response.json()) as { id?: string; error?: string };
      if (response.status !== 201 || !body.id) throw new Error(`posting a soak alert failed: HTTP ${response.status} ${JSON.stringify(body)}`);
      posted.push(body.id);
    },
  };
}

/** Drops every client's socket from the bridge side, then waits for the page to be live with every posted alert. */
async function forceReconnect(bridge: DemoBridge, page: Page, posted: readonly string[]): Promise<boolean> {
  for (const session of [...bridge.clients.readySessions()]) session.close(CloseCode.goingAway, 'soak: forced reconnect');
  const deadline = Date.now() + RECOVERY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    await sleep(500);
    // The bridge closed every socket: a ready session again means the page reconnected.
    const live = bridge.clients.readyCount > 0 && (await page.getAttribute('[data-testid="connection"]', 'data-state')) === 'live';
    const shown = new Set(await pageAlertIds(page));
    if (live && posted.every((id) => shown.has(id))) return true;
  }
  return false;
}

const bridge = await startDemoBridge();
const browser = await launchChromium();
try {
  bridge.source.setClock({ speedFactor: 60 });
  const meta = (await (await fetch(`${bridge.origin}/city/meta.json`)).json()) as CityMeta;
  const alerts = alertPoster(bridge, meta);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${bridge.origin}/#/wall?token=${bridge.tokens.viewer}`);
  await page.locator('[data-testid="wall-map"] [data-testid="city-map"][data-state="drawn"]').waitFor({ timeout: 300_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');

  const startedAt = Date.now();
  const endAt = startedAt + warmUpMs + measuredMs;
  let nextAlertAt = startedAt;
  let nextReconnectAt = startedAt + reconnectEveryMs;
  let baselineBytes: number | null = null;
  let forced = 0;
  let survived = 0;
  while (Date.now() < endAt) {
    if (baselineBytes === null && Date.now() >= startedAt + warmUpMs) baselineBytes = await heapUsedBytes(cdp);
    if (Date.now() >= nextAlertAt) {
      await alerts.post();
      nextAlertAt += ALERT_EVERY_S * 1000;
    }
    if (Date.now() >= nextReconnectAt) {
      forced++;
      if (await forceReconnect(bridge, page, alerts.posted)) survived++;
      nextReconnectAt += reconnectEveryMs;
    }
    await sleep(1000);
  }
  baselineBytes ??= await heapUsedBytes(cdp);
  const finalBytes = await heapUsedBytes(cdp);
  report('soak_heap_growth_pct', ((finalBytes - baselineBytes) / baselineBytes) * 100, '%');
  report('soak_reconnects_ok', survived, 'count');
  report('soak_reconnects_forced', forced, 'count');
  process.stderr.write(
    `soak: ${(measuredMs / 60_000).toFixed(1)} min measured after ${(warmUpMs / 60_000).toFixed(1)} min warm-up; heap ${(baselineBytes / 1e6).toFixed(1)} → ${(finalBytes / 1e6).toFixed(1)} MB; ${alerts.posted.length} alerts posted\n`,
  );
} finally {
  await browser.close();
  await bridge.close();
}
