/**
 * Drill-down: the figures of one entity (the city, a district, an
 * intersection, a road link or a device), computed by the bridge.
 *
 * A client subscribes to the one entity it shows; the bridge answers with a
 * `detail` at once and pushes a fresh one about once a second until the
 * client subscribes to another entity or unsubscribes. So a wall of many
 * screens receives only the detail each screen shows, never every entity's.
 */
import { arrayOf, literal, num, object, oneOf, optional, str } from './check';
import { CAP_SEVERITIES } from './alerts';
import { SIGNAL_INTERVALS, SIGNAL_MODES, checkSignalPlan } from './signals';

export const DRILL_LEVELS = ['city', 'district', 'intersection', 'link', 'device'] as const;
export type DrillLevel = (typeof DRILL_LEVELS)[number];

export const DEVICE_STATUSES = ['online', 'degraded', 'offline'] as const;
/** `degraded`: reporting, but with faults (e.g. a camera with a dirty lens, a detector with gaps). */
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

const requestId = str({ minLength: 1, maxLength: 64 });
const entityId = str({ minLength: 1, maxLength: 64, pattern: /^[A-Za-z0-9_.:-]+$/ });
const epochMs = num({ min: 0 });
const count = num({ integer: true, min: 0 });
const speedKmh = num({ min: 0, max: 300 });
const tti = num({ min: 0, max: 100 });

// ---------------------------------------------------------------- client → bridge

const subscribeDetailChecker = object({
  type: literal('subscribe-detail'),
  id: requestId,
  level: oneOf(DRILL_LEVELS),
  /** The entity's id; absent (and ignored) for the city level. */
  entityId: optional(entityId),
});
/** Replaces the session's subscription; the reply is the first `detail` (or `error` not-found). Any role. */
export type SubscribeDetailMessage = ReturnType<typeof subscribeDetailChecker>;

const unsubscribeDetailChecker = object({ type: literal('unsubscribe-detail'), id: requestId });
/** Ends the session's subscription; the reply is `ack`. Any role. */
export type UnsubscribeDetailMessage = ReturnType<typeof unsubscribeDetailChecker>;

export const drillClientCheckers = {
  'subscribe-detail': subscribeDetailChecker,
  'unsubscribe-detail': unsubscribeDetailChecker,
} as const;

/** Requests any role may make that read, never change, state. */
export const DRILL_QUERY_TYPES = ['subscribe-detail', 'unsubscribe-detail'] as const;

// ---------------------------------------------------------------- figures per level

const severityCounts = object(Object.fromEntries(CAP_SEVERITIES.map((s) => [s, count])) as Record<(typeof CAP_SEVERITIES)[number], typeof count>);

/** An open alert as the drill panels list it: enough to show a row and select it. */
const alertRow = object({
  id: str({ minLength: 1, maxLength: 64 }),
  kind: str({ maxLength: 64 }),
  severity: oneOf(CAP_SEVERITIES),
  status: str({ maxLength: 32 }),
  /** The alert's headline in both UI languages. */
  headline: object({ zh: str({ maxLength: 160 }), en: str({ maxLength: 160 }) }),
  /** City-clock time it was raised, ms since the epoch. */
  simTimeMs: epochMs,
  /** Distance from the entity, metres; absent where membership is by id (district, device). */
  distanceM: optional(num({ min: 0 })),
});

const areaTrafficFigures = {
  travelTimeIndex: tti,
  avgSpeedKmh: speedKmh,
  vehicles: num({ min: 0 }),
  /** Citywide (or district) figures at regular sim-time steps over the last hours, oldest first. */
  history: arrayOf(object({ simTimeMs: epochMs, travelTimeIndex: tti, avgSpeedKmh: speedKmh }), { maxLength: 2000 }),
  /** Open alerts by CAP severity. */
  openAlertsBySeverity: severityCounts,
  devices: object({ total: count, online: count, degraded: count, offline: count }),
};

const districtRank = object({
  districtId: entityId,
  travelTimeIndex: tti,
  avgSpeedKmh: speedKmh,
  openAlerts: count,
});

const cityFigures = object({
  level: literal('city'),
  ...areaTrafficFigures,
  /** Districts with the highest travel time index first, at most 5. */
  worstDistricts: arrayOf(districtRank, { maxLength: 10 }),
});

const congestedLink = object({
  linkId: entityId,
  speedKmh,
  freeSpeedKmh: speedKmh,
  /** Index into CONGESTION_LEVELS. */
  congestionLevel: num({ integer: true, min: 0, max: 4 }),
  flowVehPerH: num({ min: 0 }),
});

const districtFigures = object({
  level: literal('district'),
  districtId: entityId,
  ...areaTrafficFigures,
  /** The district's links with the lowest share of free-flow speed first, at most 10. */
  congestedLinks: arrayOf(congestedLink, { maxLength: 20 }),
  openAlerts: arrayOf(alertRow, { maxLength: 50 }),
  signals: object({ adaptive: count, fixed: count }),
});

const approach = object({
  linkId: entityId,
  /** Vehicles per hour entering the intersection from this link, over the last publish window. */
  volumeVehPerH: num({ min: 0 }),
  /** Vehicles queued (slower than 10 km/h or held at the stop line) on the link. */
  queueVeh: num({ min: 0 }),
});

const intersectionFigures = object({
  level: literal('intersection'),
  nodeId: entityId,
  districtId: entityId,
  approaches: arrayOf(approach, { maxLength: 16 }),
  /** Present for signalized intersections. */
  signal: optional(
    object({
      plan: checkSignalPlan,
      mode: oneOf(SIGNAL_MODES),
      phaseIndex: num({ integer: true, min: 0 }),
      interval: oneOf(SIGNAL_INTERVALS),
      /** Seconds left in the current interval. */
      remainingS: num({ min: 0 }),
    }),
  ),
  /**
   * Mean control delay per vehicle through the intersection over the last
   * minutes, seconds: measured by the source where it can (signalized nodes);
   * elsewhere the flow-weighted time lost on the incoming links beyond their
   * free-flow travel time.
   */
  delayPerVehS: num({ min: 0 }),
  /** Open alerts within 300 m, nearest first. */
  nearbyAlerts: arrayOf(alertRow, { maxLength: 50 }),
});

const linkFigures = object({
  level: literal('link'),
  linkId: entityId,
  districtId: entityId,
  speedKmh,
  freeSpeedKmh: speedKmh,
  /** Index into CONGESTION_LEVELS. */
  congestionLevel: num({ integer: true, min: 0, max: 4 }),
  flowVehPerH: num({ min: 0 }),
  densityVehPerKmLane: num({ min: 0 }),
  /** Travel time along the link at the current speed, seconds. */
  travelTimeS: num({ min: 0 }),
  nearbyAlerts: arrayOf(alertRow, { maxLength: 50 }),
});

const deviceFigures = object({
  level: literal('device'),
  deviceId: entityId,
  districtId: entityId,
  status: oneOf(DEVICE_STATUSES),
  /** Wall time the device was last heard from, ms since the epoch. */
  lastSeenAtMs: optional(epochMs),
  /** Its latest measurement, e.g. a detector's speed on its link; absent for devices that measure nothing. */
  reading: optional(object({ quantity: str({ maxLength: 32 }), value: num(), unit: str({ maxLength: 16 }), simTimeMs: epochMs })),
  /**
   * Traffic on the link the device measures (loop detectors), as the latest
   * traffic figures give it; absent for devices on no link and while the device is offline.
   */
  linkTraffic: optional(
    object({
      linkId: entityId,
      speedKmh,
      flowVehPerH: num({ min: 0 }),
      /** Share of time a vehicle stands over the detector, percent. */
      occupancyPct: num({ min: 0, max: 100 }),
    }),
  ),
  /** Open alerts raised by or at this device, newest first; closed ones are in the alert queue. */
  alerts: arrayOf(alertRow, { maxLength: 50 }),
});

export const detailFiguresChecker = oneOfLevel();

function oneOfLevel() {
  const byLevel = {
    city: cityFigures,
    district: districtFigures,
    intersection: intersectionFigures,
    link: linkFigures,
    device: deviceFigures,
  } as const;
  type Figures = ReturnType<(typeof byLevel)[DrillLevel]>;
  return (value: unknown, path: string): Figures => {
    const level = (value as { level?: unknown } | null)?.level;
    const checker = typeof level === 'string' && Object.hasOwn(byLevel, level) ? byLevel[level as DrillLevel] : undefined;
    if (!checker) return oneOf(DRILL_LEVELS)(level, `${path}.level`) as never;
    return checker(value, path);
  };
}

export type DetailFigures = ReturnType<typeof detailFiguresChecker>;
export type CityDetail = Extract<DetailFigures, { level: 'city' }>;
export type DistrictDetail = Extract<DetailFigures, { level: 'district' }>;
export type IntersectionDetail = Extract<DetailFigures, { level: 'intersection' }>;
export type LinkDetail = Extract<DetailFigures, { level: 'link' }>;
export type DeviceDetail = Extract<DetailFigures, { level: 'device' }>;
export type AlertRow = ReturnType<typeof alertRow>;

// ---------------------------------------------------------------- bridge → client

const detailChecker = object({
  type: literal('detail'),
  /** The subscribe request this answers; absent on the periodic pushes that follow. */
  requestId: optional(requestId),
  /** Sim time the figures describe, ms since the epoch. */
  simTimeMs: epochMs,
  figures: detailFiguresChecker,
});
/** The figures of the entity the session subscribed to. */
export type DetailMessage = ReturnType<typeof detailChecker>;

export const drillServerCheckers = { detail: detailChecker } as const;
