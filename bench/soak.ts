/**
 * `npm run bench:soak`: the Wall view left running, as on a control-room
 * wall, against a bridge process that is killed and started again (same
 * port, same data directory) every few minutes.
 *
 * Two measured phases follow a warm-up, so retained data and leaks are told
 * apart: alerts posted all along would grow the heap by what the page must
 * keep (the alert store), while an idle wall that still grows leaks.
 *
 *   soak_heap_growth_with_alerts_pct  JS heap of the Wall page (after a forced
 *                                     GC) over the phase with a CAP alert
 *                                     posted every ALERT_EVERY_S, percent;
 *                                     target ≤ 10
 *   soak_heap_growth_idle_pct         the same over the phase without new
 *                                     alerts (the bridge's traffic still
 *                                     streams), percent; target ≤ 10
 *   soak_restarts_forced              bridge processes killed and started again
 *   soak_restarts_recovered           restarts after which, within
 *                                     RECOVERY_TIMEOUT_MS of the new process
 *                                     being ready, the page was live with
 *                                     traffic moving and held exactly the
 *                                     alert ids the bridge's store serves,
 *                                     every posted alert among them; must
 *                                     equal soak_restarts_forced
 *   soak_recovery_max_s               slowest recovery, seconds from ready
 *
 * The page opens `#/wall` with no token (a viewer), so a restarted bridge,
 * which issues new demo tokens, lets it straight back in. Demo alerts are
 * off (`--alert-rate 0`): the idle phase has no new alert at all. The sim
 * runs at 60× as a busy day would.
 *
 * Environment (a quick check in about 3 minutes:
 * SOAK_MINUTES=2 SOAK_WARMUP_MINUTES=0.5 SOAK_RESTART_EVERY_S=45):
 *   SOAK_MINUTES           measured minutes after the warm-up, split evenly
 *                          between the two phases (default 20)
 *   SOAK_WARMUP_MINUTES    warm-up minutes, not measured (default 2)
 *   SOAK_RESTART_EVERY_S   seconds of soak between forced bridge restarts,
 *                          counted from the start of the warm-up (default 300)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { capInfo, capXml, latLonOf } from '../backend-bridge/alerts/cap/cap.fixture';
import type { CityMeta } from '../backend-bridge/protocol';
import { launchChromium } from '../tests/support/chromium';
import { report } from './report';
import { SoakBridge, freePort } from './soak-bridge';

/** Seconds between posted alerts in the warm-up and the phase with alerts. */
const ALERT_EVERY_S = 15;
/** How long the page may take, once the new bridge is ready, to be live again with every alert. */
const RECOVERY_TIMEOUT_MS = 30_000;
/** How long a killed bridge's page may take to notice, ms. */
const NOTICE_TIMEOUT_MS = 15_000;
const SIM_SPEED_FACTOR = 60;

function envNumber(name: string, fallback: number, min: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name}=${JSON.stringify(text)}: expected a number ≥ ${min}`);
  return value;
}

const measuredMs = envNumber('SOAK_MINUTES', 20, 0.2) * 60_000;
const warmUpMs = envNumber('SOAK_WARMUP_MINUTES', 2, 0) * 60_000;
const restartEveryMs = envNumber('SOAK_RESTART_EVERY_S', 300, 10) * 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** JS heap in use after a full garbage collection, bytes. */
async function heapUsedBytes(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize');
  if (!used) throw new Error('Performance.getMetrics returned no JSHeapUsedSize');
  return used.value;
}

interface PageState {
  connection: string | null;
  /** Every alert id the page's alert store holds (the wall lists only the newest of them). */
  alertIds: string[];
  simTimeMs: number | null;
}

/** What the wall page knows, read from its stores (the panel draws a capped list, so its rows are not all of it). */
const pageState = (page: Page): Promise<PageState> =>
  page.evaluate(() => {
    type Stores = Map<string, Record<string, unknown>>;
    const app = (document.querySelector('#app') as unknown as { __vue_app__?: { config: { globalProperties: { $pinia?: { _s: Stores } } } } }).__vue_app__;
    const stores = app?.config.globalProperties.$pinia?._s;
    const alerts = stores?.get('alerts') as { stream?: { alerts: Map<string, unknown> } } | undefined;
    const traffic = stores?.get('traffic') as { simTimeMs?: number | null } | undefined;
    return {
      connection: document.querySelector('[data-testid="connection"]')?.getAttribute('data-state') ?? null,
      alertIds: alerts?.stream ? [...alerts.stream.alerts.keys()] : [],
      simTimeMs: traffic?.simTimeMs ?? null,
    };
  });

function alertPoster(bridge: SoakBridge, meta: CityMeta) {
  const posted: string[] = [];
  return {
    posted,
    async post(): Promise<void> {
      const district = meta.districts[posted.length % meta.districts.length]!;
      const [xM, yM] = district.labelM;
      const area = `<area><areaDesc>${district.name.en}</areaDesc><circle>${latLonOf(meta.origin, xM, yM)} 0.05</circle></area>`;
      const response = await fetch(`${bridge.origin}/api/alerts/cap`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${bridge.operatorToken}`, 'Content-Type': 'application/cap+xml' },
        body: capXml({ identifier: `SOAK-${Date.now()}-${posted.length + 1}`, infos: [capInfo({ area, headline: `Soak alert ${posted.length + 1}` })] }),
      });
      const body = (await response.json()) as { id?: string; error?: string };
      if (response.status !== 201 || !body.id) throw new Error(`posting a soak alert failed: HTTP ${response.status} ${JSON.stringify(body)}`);
      posted.push(body.id);
    },
  };
}

/**
 * Kills the bridge, waits for the page to notice, starts it again, and
 * waits for the page to be live with traffic moving and the store's alerts.
 * Returns the seconds from ready to recovered, or null when it did not recover in time.
 */
async function restartAndRecover(bridge: SoakBridge, page: Page, posted: readonly string[]): Promise<number | null> {
  await bridge.kill();
  const noticeBy = Date.now() + NOTICE_TIMEOUT_MS;
  while ((await pageState(page)).connection === 'live' && Date.now() < noticeBy) await sleep(200);
  await bridge.start();
  await bridge.setSpeed(SIM_SPEED_FACTOR);
  const readyAt = Date.now();
  let stored = new Set(await bridge.alertIds());
  const lost = posted.filter((id) => !stored.has(id));
  if (lost.length > 0) process.stderr.write(`soak: the restarted bridge lost ${lost.length} posted alert(s): ${lost.slice(0, 5).join(', ')}\n`);
  let lastSimTimeMs: number | null = null;
  let state: PageState | null = null;
  while (Date.now() < readyAt + RECOVERY_TIMEOUT_MS) {
    await sleep(500);
    state = await pageState(page);
    const moving = state.simTimeMs !== null && lastSimTimeMs !== null && state.simTimeMs !== lastSimTimeMs;
    lastSimTimeMs = state.simTimeMs;
    const same = (ids: Set<string>) => state!.alertIds.length === ids.size && state!.alertIds.every((id) => ids.has(id));
    // The simulation raises alerts of its own (incidents, devices): compare with the store as it is now.
    if (!same(stored)) stored = new Set(await bridge.alertIds());
    if (state.connection === 'live' && moving && same(stored) && lost.length === 0) return (Date.now() - readyAt) / 1000;
  }
  const pageIds = new Set(state?.alertIds ?? []);
  const missing = [...stored].filter((id) => !pageIds.has(id));
  const extra = [...pageIds].filter((id) => !stored.has(id));
  process.stderr.write(
    `soak: not recovered ${RECOVERY_TIMEOUT_MS / 1000} s after the restart: connection ${state?.connection}, page ${pageIds.size} alerts, store ${stored.size}, ` +
      `missing on the page [${missing.slice(0, 5).join(', ')}], not in the store [${extra.slice(0, 5).join(', ')}]\n`,
  );
  return null;
}

const dataDir = await mkdtemp(join(tmpdir(), 'citybrain-soak-'));
const bridge = new SoakBridge({ port: await freePort(), dataDir, args: ['--alert-rate', '0'] });
await bridge.start();
const browser = await launchChromium();
try {
  await bridge.setSpeed(SIM_SPEED_FACTOR);
  const meta = (await (await fetch(`${bridge.origin}/city/meta.json`)).json()) as CityMeta;
  const alerts = alertPoster(bridge, meta);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${bridge.origin}/#/wall`);
  await page.locator('[data-testid="wall-map"] [data-testid="city-map"][data-state="drawn"]').waitFor({ timeout: 300_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');

  const startedAt = Date.now();
  const withAlertsAt = startedAt + warmUpMs;
  const idleAt = withAlertsAt + measuredMs / 2;
  const endAt = withAlertsAt + measuredMs;
  const heap: { withAlertsStart?: number; idleStart?: number; end?: number } = {};
  let nextAlertAt = startedAt;
  let nextRestartAt = startedAt + restartEveryMs;
  let forced = 0;
  const recoveriesS: number[] = [];
  while (Date.now() < endAt) {
    const nowMs = Date.now();
    if (heap.withAlertsStart === undefined && nowMs >= withAlertsAt) heap.withAlertsStart = await heapUsedBytes(cdp);
    if (heap.idleStart === undefined && nowMs >= idleAt) heap.idleStart = await heapUsedBytes(cdp);
    if (nowMs < idleAt && nowMs >= nextAlertAt) {
      await alerts.post();
      nextAlertAt += ALERT_EVERY_S * 1000;
    }
    if (nowMs >= nextRestartAt) {
      forced++;
      const recoveredS = await restartAndRecover(bridge, page, alerts.posted);
      if (recoveredS !== null) recoveriesS.push(recoveredS);
      nextRestartAt += restartEveryMs;
    }
    await sleep(1000);
  }
  heap.withAlertsStart ??= await heapUsedBytes(cdp);
  heap.idleStart ??= await heapUsedBytes(cdp);
  heap.end = await heapUsedBytes(cdp);
  const growthPct = (from: number, to: number) => ((to - from) / from) * 100;
  report('soak_heap_growth_with_alerts_pct', growthPct(heap.withAlertsStart, heap.idleStart), '%');
  report('soak_heap_growth_idle_pct', growthPct(heap.idleStart, heap.end), '%');
  report('soak_restarts_forced', forced, 'count');
  report('soak_restarts_recovered', recoveriesS.length, 'count');
  if (recoveriesS.length > 0) report('soak_recovery_max_s', Math.max(...recoveriesS), 's');
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  process.stderr.write(
    `soak: ${(warmUpMs / 60_000).toFixed(1)} min warm-up, then ${(measuredMs / 120_000).toFixed(1)} min with alerts and ${(measuredMs / 120_000).toFixed(1)} min idle; ` +
      `heap ${mb(heap.withAlertsStart)} → ${mb(heap.idleStart)} → ${mb(heap.end)} MB; ${alerts.posted.length} alerts posted; ` +
      `restarts every ${restartEveryMs / 1000} s: ${recoveriesS.length}/${forced} recovered\n`,
  );
} finally {
  await browser.close();
  await bridge.kill();
  await rm(dataDir, { recursive: true, force: true });
}
