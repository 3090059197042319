/**
 * Drill-down end to end: in headless Chromium an operator clicks the map
 * from the city into a district, finds an intersection by search, opens one
 * of its devices, and climbs back to the city by the breadcrumb. At every
 * level the panel's figures equal what the bridge reports for the same
 * entity at the same sim time, read by a WebSocket client of the test's own
 * (the sim is paused, so both see one state). A deep link to an unknown id
 * shows "not found" and leaves the console usable. A road found by search
 * is selected whole, and an intersection lists the devices a search for it finds.
 */
import type { CityMeta, DetailFigures, DetailMessage, DrillLevel, ServerMessage } from '../../backend-bridge/protocol';
import { PROTOCOL_VERSION } from '../../backend-bridge/protocol';
import { type TestClient, nextOfType, openTestClient } from '../../backend-bridge/app/test-client.fixture';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupRoads } from '../../renderer/features/drill/road-groups';
import { clickUntil } from '../support/click-until';
import { DRAW_TIMEOUT_MS, SHOTS_DIR, useE2eSession } from '../support/e2e-session';

const session = useE2eSession();

/** How each figure the panel shows reads from the bridge's detail, per level: `data-figure` → value. */
const FIGURES: Record<DrillLevel, Record<string, (figures: DetailFigures) => number | string | undefined>> = {
  city: areaFigures(),
  district: {
    ...areaFigures(),
    adaptiveSignals: (f) => (f.level === 'district' ? f.signals.adaptive : undefined),
    fixedSignals: (f) => (f.level === 'district' ? f.signals.fixed : undefined),
  },
  intersection: {
    delayPerVehS: (f) => (f.level === 'intersection' ? f.delayPerVehS : undefined),
    remainingS: (f) => (f.level === 'intersection' ? f.signal?.remainingS : undefined),
    phaseIndex: (f) => (f.level === 'intersection' ? f.signal?.phaseIndex : undefined),
  },
  link: {
    speedKmh: (f) => (f.level === 'link' ? f.speedKmh : undefined),
    flowVehPerH: (f) => (f.level === 'link' ? f.flowVehPerH : undefined),
    travelTimeS: (f) => (f.level === 'link' ? f.travelTimeS : undefined),
  },
  device: {
    status: (f) => (f.level === 'device' ? f.status : undefined),
    reading: (f) => (f.level === 'device' ? (f.reading?.value ?? '') : undefined),
  },
};

function areaFigures(): Record<string, (figures: DetailFigures) => number | undefined> {
  const area = (f: DetailFigures) => (f.level === 'city' || f.level === 'district' ? f : undefined);
  return {
    travelTimeIndex: (f) => area(f)?.travelTimeIndex,
    avgSpeedKmh: (f) => area(f)?.avgSpeedKmh,
    vehicles: (f) => area(f)?.vehicles,
    devicesOnline: (f) => area(f)?.devices.online,
  };
}

/** The test's own session on the bridge: an operator, who pauses the sim. */
let bridge: TestClient;
let requests = 0;

async function ask(message: Record<string, unknown>): Promise<ServerMessage> {
  const id = `e2e-${++requests}`;
  bridge.sendJson({ ...message, id });
  for (;;) {
    const reply = await bridge.next();
    if ('requestId' in reply && reply.requestId === id) return reply;
  }
}

/** What the bridge reports for an entity at `simTimeMs` (the sim is paused, so its first detail already is). */
async function bridgeDetail(level: DrillLevel, entityId: string, simTimeMs: number): Promise<DetailMessage> {
  let reply = await ask({ type: 'subscribe-detail', level, ...(level !== 'city' && { entityId }) });
  while (reply.type === 'detail' && reply.simTimeMs !== simTimeMs) reply = await nextOfType(bridge, 'detail');
  if (reply.type !== 'detail') throw new Error(`subscribe-detail ${level} ${entityId}: ${JSON.stringify(reply)}`);
  return reply;
}

beforeAll(async () => {
  bridge = await openTestClient(session.bridge.origin);
  bridge.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION, token: session.bridge.tokens.operator, client: 'e2e/drill' });
  await nextOfType(bridge, 'welcome');
  expect((await ask({ type: 'set-sim-clock', paused: true })).type).toBe('ack');
});

afterAll(() => bridge?.socket.close());

/**
 * Opens a console (with `query` after the token), runs `steps` on it once the map is drawn, checks the page
 * threw nothing, and closes it whatever happens: a page left drawing would starve the next test's software WebGL.
 */
async function withConsole(query: string, steps: (page: Page) => Promise<void>): Promise<void> {
  // The heavy layers start hidden: a district polygon is picked by its ground position, not by what is drawn on it.
  const context = await session.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US', reducedMotion: 'reduce' });
  try {
    await context.addInitScript(() =>
      localStorage.setItem('citybrain.layers', JSON.stringify({ buildings: false, roads: true, districts: true, heatmap: false, flow: false })),
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${session.bridge.origin}/#/console?token=${session.bridge.tokens.operator}${query}`);
    await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="city-map"][data-state="drawn"]').waitFor({ timeout: DRAW_TIMEOUT_MS });
    await steps(page);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}

/** Waits for the panel of `level` (and `entityId`, when given) filled with figures; returns it. */
async function panelAt(page: Page, level: DrillLevel, entityId?: string): Promise<Locator> {
  const id = entityId === undefined ? '' : `[data-entity-id="${entityId}"]`;
  const panel = page.locator(`[data-testid="drill-panel"][data-level="${level}"]${id}[data-state="ready"]`);
  try {
    await panel.waitFor({ timeout: 60_000 });
  } catch (error) {
    // Say what the panel shows instead: another level, still loading, or the bridge's refusal.
    const shown = page.getByTestId('drill-panel');
    const [state, shownLevel, shownId, text] = await Promise.all(
      ['data-state', 'data-level', 'data-entity-id'].map((name) => shown.getAttribute(name)).concat(shown.innerText()),
    );
    throw new Error(`no ready ${level} panel${id}: it shows ${shownLevel} ${shownId}, ${state}: ${text?.slice(0, 300)}`, { cause: error });
  }
  return panel;
}

/** Compares every figure the panel shows with the bridge's detail for the same entity and sim time. */
async function expectBridgeFigures(panel: Locator, level: DrillLevel): Promise<void> {
  const entityId = (await panel.getAttribute('data-entity-id')) ?? '';
  const simTimeMs = Number(await panel.getAttribute('data-sim-time-ms'));
  const { figures } = await bridgeDetail(level, entityId, simTimeMs);
  let compared = 0;
  for (const [name, read] of Object.entries(FIGURES[level])) {
    const expected = read(figures);
    const shown = panel.locator(`[data-figure="${name}"]`);
    if (expected === undefined) continue;
    expect(await shown.count(), `${level} ${entityId}: figure ${name} is shown`).toBe(1);
    const raw = (await shown.getAttribute('data-value')) ?? '';
    expect(typeof expected === 'number' ? Number(raw) : raw, `${level} ${entityId}: ${name}`).toBe(expected);
    compared++;
  }
  expect(compared, `${level}: figures compared`).toBeGreaterThan(0);
}

const crumbLevels = (page: Page) => page.locator('[data-testid="breadcrumb"] [data-level]').evaluateAll((items) => items.map((item) => item.getAttribute('data-level')));

describe('Drill-down', () => {
  it('clicks from the city to a district on the map, finds an intersection, opens its device, with the bridge’s figures at each level, and returns to the city', () =>
    withConsole('', async (page) => {
      const meta = (await (await fetch(`${session.bridge.origin}/city/meta.json`)).json()) as CityMeta;

      await expectBridgeFigures(await panelAt(page, 'city'), 'city');

      // A real click on the map: the canvas centre lies over a district at the city overview.
      const map = page.getByTestId('city-map');
      const box = (await map.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const district = await panelAt(page, 'district');
      const districtId = (await district.getAttribute('data-entity-id'))!;
      expect(page.url()).toContain(`select=district:${districtId}`);
      expect(await crumbLevels(page)).toEqual(['city', 'district']);
      await expectBridgeFigures(district, 'district');
      await page.screenshot({ path: `${SHOTS_DIR}/drill-district.png` });

      // An intersection of that district with a camera, found by its id in the search box.
      const node = meta.nodes.find((n) => n.districtId === districtId && n.signalized && meta.devices.some((d) => d.nodeId === n.id));
      expect(node, `a signalized intersection with a device in ${districtId}`).toBeDefined();
      await page.getByTestId('drill-search').fill(node!.id);
      await page.locator(`[data-testid="drill-search-result"][data-id="${node!.id}"]`).waitFor();
      await page.getByTestId('drill-search').press('Enter');
      const intersection = await panelAt(page, 'intersection', node!.id);
      expect(await crumbLevels(page)).toEqual(['city', 'district', 'intersection']);
      await expectBridgeFigures(intersection, 'intersection');

      // Its devices are the ones a search for its name finds (the camera and the detectors on its approaches).
      const listed = (await page.getByTestId('drill-device').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-device')))).sort();
      expect(listed.length).toBeGreaterThan(0);
      if (node!.name) {
        await page.getByTestId('drill-search').fill(node!.name.en);
        const deviceHits = page.locator('[data-testid="drill-search-result"][data-level="device"]');
        await deviceHits.first().waitFor();
        expect((await deviceHits.evaluateAll((hits) => hits.map((hit) => hit.getAttribute('data-id')))).sort()).toEqual(listed);
        await page.getByTestId('drill-search').press('Escape');
      }

      // One of its devices, from the intersection's list.
      const deviceRow = page.getByTestId('drill-device').first();
      const deviceId = (await deviceRow.getAttribute('data-device'))!;
      await clickUntil(deviceRow, page.locator(`[data-testid="drill-panel"][data-level="device"][data-entity-id="${deviceId}"]`));
      const device = await panelAt(page, 'device', deviceId);
      expect(await crumbLevels(page)).toEqual(['city', 'district', 'intersection', 'device']);
      await expectBridgeFigures(device, 'device');
      await page.screenshot({ path: `${SHOTS_DIR}/drill-device.png` });

      // Escape climbs one level; the breadcrumb's first step goes back to the city.
      await page.keyboard.press('Escape');
      await panelAt(page, 'intersection', node!.id);
      await page.locator('[data-testid="breadcrumb"] [data-level="city"] button').click();
      await expectBridgeFigures(await panelAt(page, 'city'), 'city');
      expect(await crumbLevels(page)).toEqual(['city']);
      expect(page.url()).not.toContain('select=');
    }), 600_000);

  it('finds a road by name and selects all of its segments together, not one of them', () =>
    withConsole('', async (page) => {
      const meta = (await (await fetch(`${session.bridge.origin}/city/meta.json`)).json()) as CityMeta;
      const road = [...groupRoads(meta.links).values()].find((candidate) => candidate.linkIds.length > 2)!;
      expect(road, 'a road of several segments').toBeDefined();
      await page.getByTestId('drill-search').fill(road.name.en);
      const hit = page.locator(`[data-testid="drill-search-result"][data-level="link"][data-id="${road.representativeId}"]`);
      await hit.waitFor();
      expect(Number(await hit.getAttribute('data-road-links'))).toBe(road.linkIds.length);
      const summary = page.locator(`[data-testid="drill-road"][data-links="${road.linkIds.length}"]`);
      await clickUntil(hit, summary);
      await panelAt(page, 'link', road.representativeId);
      expect(await page.getByTestId('drill-panel').textContent()).toContain(road.name.en);
      await page.screenshot({ path: `${SHOTS_DIR}/drill-road.png` });
    }), 600_000);

  it('shows "not found" for a deep link to an unknown id, at the city, and the console still drills down', () =>
    withConsole('&select=intersection:NOPE-404', async (page) => {
      const banner = page.getByTestId('drill-not-found');
      await banner.waitFor({ timeout: 60_000 });
      expect(await banner.getAttribute('data-id')).toBe('NOPE-404');
      expect(await banner.textContent()).toContain('NOPE-404');
      await panelAt(page, 'city');
      expect(page.url()).not.toContain('NOPE-404');

      // A malformed one is named too.
      await page.goto(`${session.bridge.origin}/#/console?select=borough:x`);
      await expect.poll(() => banner.getAttribute('data-kind'), { timeout: 30_000 }).toBe('malformed');

      const row = page.locator('[data-testid="console-districts"] tr[data-district]').first();
      const districtId = (await row.getAttribute('data-district'))!;
      await clickUntil(row, page.locator(`[data-testid="drill-panel"][data-level="district"][data-entity-id="${districtId}"]`));
      await expectBridgeFigures(await panelAt(page, 'district', districtId), 'district');
    }), 600_000);
});
