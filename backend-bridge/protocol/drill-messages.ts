/**
 * Drill-down: the figures of one entity (the city, a district, an
 * intersection, a road link or a device), computed by the bridge.
 *
 * A client subscribes to the one entity it shows; the bridge answers with a
 * `detail` at once and pushes a fresh one about once a second until the
 * client subscribes to another entity or unsubscribes. So a wall of many
 * screens receives only the detail each screen shows, never every entity's.
 */
import * as v from 'valibot';
import { CAP_SEVERITIES } from './alerts';
import { count, entityId, epochMs, localized, nonEmptyText, requestId, text } from './fields';
import { SIGNAL_INTERVALS, SIGNAL_MODES, signalPlanSchema } from './signals';

export const DRILL_LEVELS = ['city', 'district', 'intersection', 'link', 'device'] as const;
export type DrillLevel = (typeof DRILL_LEVELS)[number];

export const DEVICE_STATUSES = ['online', 'degraded', 'offline'] as const;
/** `degraded`: reporting, but with faults (e.g. a camera with a dirty lens, a detector with gaps). */
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

const speedKmh = v.pipe(v.number(), v.minValue(0), v.maxValue(300));
const tti = v.pipe(v.number(), v.minValue(0), v.maxValue(100));

// ---------------------------------------------------------------- client → bridge

const subscribeDetailSchema = v.strictObject({
  type: v.literal('subscribe-detail'),
  id: requestId,
  level: v.picklist(DRILL_LEVELS),
  /** The entity's id; absent (and ignored) for the city level. */
  entityId: v.optional(entityId),
});
/** Replaces the session's subscription; the reply is the first `detail` (or `error` not-found). Any role. */
export type SubscribeDetailMessage = v.InferOutput<typeof subscribeDetailSchema>;

const unsubscribeDetailSchema = v.strictObject({ type: v.literal('unsubscribe-detail'), id: requestId });
/** Ends the session's subscription; the reply is `ack`. Any role. */
export type UnsubscribeDetailMessage = v.InferOutput<typeof unsubscribeDetailSchema>;

export const drillClientSchemas = {
  'subscribe-detail': subscribeDetailSchema,
  'unsubscribe-detail': unsubscribeDetailSchema,
} as const;

/** Requests any role may make that read, never change, state. */
export const DRILL_QUERY_TYPES = ['subscribe-detail', 'unsubscribe-detail'] as const;

// ---------------------------------------------------------------- figures per level

const severityCounts = v.strictObject(
  Object.fromEntries(CAP_SEVERITIES.map((severity) => [severity, count])) as Record<(typeof CAP_SEVERITIES)[number], typeof count>,
);

/** An open alert as the drill panels list it: enough to show a row and select it. */
const alertRow = v.strictObject({
  id: nonEmptyText(64),
  kind: text(64),
  severity: v.picklist(CAP_SEVERITIES),
  status: text(32),
  /** The alert's headline in both UI languages. */
  headline: localized(160),
  /** City-clock time it was raised, ms since the epoch. */
  simTimeMs: epochMs,
  /** Distance from the entity, metres; absent where membership is by id (district, device). */
  distanceM: v.optional(v.pipe(v.number(), v.minValue(0))),
});

const areaTrafficFigures = {
  travelTimeIndex: tti,
  avgSpeedKmh: speedKmh,
  vehicles: v.pipe(v.number(), v.minValue(0)),
  /** Citywide (or district) figures at regular sim-time steps over the last hours, oldest first. */
  history: v.pipe(v.array(v.strictObject({ simTimeMs: epochMs, travelTimeIndex: tti, avgSpeedKmh: speedKmh })), v.maxLength(2000)),
  /** Open alerts by CAP severity. */
  openAlertsBySeverity: severityCounts,
  devices: v.strictObject({ total: count, online: count, degraded: count, offline: count }),
};

const districtRank = v.strictObject({
  districtId: entityId,
  travelTimeIndex: tti,
  avgSpeedKmh: speedKmh,
  openAlerts: count,
});

const cityFigures = v.strictObject({
  level: v.literal('city'),
  ...areaTrafficFigures,
  /** Districts with the highest travel time index first, at most 5. */
  worstDistricts: v.pipe(v.array(districtRank), v.maxLength(10)),
});

const congestedLink = v.strictObject({
  linkId: entityId,
  speedKmh,
  freeSpeedKmh: speedKmh,
  /** Index into CONGESTION_LEVELS. */
  congestionLevel: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4)),
  flowVehPerH: v.pipe(v.number(), v.minValue(0)),
});

const districtFigures = v.strictObject({
  level: v.literal('district'),
  districtId: entityId,
  ...areaTrafficFigures,
  /** The district's links with the lowest share of free-flow speed first, at most 10. */
  congestedLinks: v.pipe(v.array(congestedLink), v.maxLength(20)),
  openAlerts: v.pipe(v.array(alertRow), v.maxLength(50)),
  signals: v.strictObject({ adaptive: count, maxpressure: count, fixed: count }),
});

const approach = v.strictObject({
  linkId: entityId,
  /** Vehicles per hour entering the intersection from this link, over the last publish window. */
  volumeVehPerH: v.pipe(v.number(), v.minValue(0)),
  /** Vehicles queued (slower than 10 km/h or held at the stop line) on the link. */
  queueVeh: v.pipe(v.number(), v.minValue(0)),
});

const intersectionFigures = v.strictObject({
  level: v.literal('intersection'),
  nodeId: entityId,
  districtId: entityId,
  approaches: v.pipe(v.array(approach), v.maxLength(16)),
  /** Present for signalized intersections. */
  signal: v.optional(
    v.strictObject({
      plan: signalPlanSchema,
      mode: v.picklist(SIGNAL_MODES),
      phaseIndex: count,
      interval: v.picklist(SIGNAL_INTERVALS),
      /** Seconds left in the current interval. */
      remainingS: v.pipe(v.number(), v.minValue(0)),
    }),
  ),
  /**
   * Mean control delay per vehicle through the intersection over the last
   * minutes, seconds: measured by the source where it can (signalized nodes);
   * elsewhere the flow-weighted time lost on the incoming links beyond their
   * free-flow travel time.
   */
  delayPerVehS: v.pipe(v.number(), v.minValue(0)),
  /** Open alerts within 300 m, nearest first. */
  nearbyAlerts: v.pipe(v.array(alertRow), v.maxLength(50)),
});

const linkFigures = v.strictObject({
  level: v.literal('link'),
  linkId: entityId,
  districtId: entityId,
  speedKmh,
  freeSpeedKmh: speedKmh,
  /** Index into CONGESTION_LEVELS. */
  congestionLevel: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4)),
  flowVehPerH: v.pipe(v.number(), v.minValue(0)),
  densityVehPerKmLane: v.pipe(v.number(), v.minValue(0)),
  /** Travel time along the link at the current speed, seconds. */
  travelTimeS: v.pipe(v.number(), v.minValue(0)),
  nearbyAlerts: v.pipe(v.array(alertRow), v.maxLength(50)),
});

const deviceFigures = v.strictObject({
  level: v.literal('device'),
  deviceId: entityId,
  districtId: entityId,
  status: v.picklist(DEVICE_STATUSES),
  /** Wall time the device was last heard from, ms since the epoch. */
  lastSeenAtMs: v.optional(epochMs),
  /** Its latest measurement, e.g. a detector's speed on its link; absent for devices that measure nothing. */
  reading: v.optional(v.strictObject({ quantity: text(32), value: v.number(), unit: text(16), simTimeMs: epochMs })),
  /**
   * Traffic on the link the device measures (loop detectors), as the latest
   * traffic figures give it; absent for devices on no link and while the device is offline.
   */
  linkTraffic: v.optional(
    v.strictObject({
      linkId: entityId,
      speedKmh,
      flowVehPerH: v.pipe(v.number(), v.minValue(0)),
      /** Share of time a vehicle stands over the detector, percent. */
      occupancyPct: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
    }),
  ),
  /** Open alerts raised by or at this device, newest first; closed ones are in the alert queue. */
  alerts: v.pipe(v.array(alertRow), v.maxLength(50)),
});

export const detailFiguresSchema = v.variant('level', [cityFigures, districtFigures, intersectionFigures, linkFigures, deviceFigures]);

export type DetailFigures = v.InferOutput<typeof detailFiguresSchema>;
export type CityDetail = Extract<DetailFigures, { level: 'city' }>;
export type DistrictDetail = Extract<DetailFigures, { level: 'district' }>;
export type IntersectionDetail = Extract<DetailFigures, { level: 'intersection' }>;
export type LinkDetail = Extract<DetailFigures, { level: 'link' }>;
export type DeviceDetail = Extract<DetailFigures, { level: 'device' }>;
export type AlertRow = v.InferOutput<typeof alertRow>;

// ---------------------------------------------------------------- bridge → client

const detailSchema = v.strictObject({
  type: v.literal('detail'),
  /** The subscribe request this answers; absent on the periodic pushes that follow. */
  requestId: v.optional(requestId),
  /** Sim time the figures describe, ms since the epoch. */
  simTimeMs: epochMs,
  figures: detailFiguresSchema,
});
/** The figures of the entity the session subscribed to. */
export type DetailMessage = v.InferOutput<typeof detailSchema>;

export const drillServerSchemas = { detail: detailSchema } as const;
