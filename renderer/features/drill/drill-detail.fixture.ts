/**
 * Valid `detail` messages for the drill tests, one builder per level, with
 * figures that are easy to recognise; fields can be overridden.
 */
import type { CityDetail, DetailMessage, DeviceDetail, DistrictDetail, IntersectionDetail, LinkDetail } from '@protocol';

export const SIM_TIME_MS = Date.UTC(2030, 0, 1, 0, 30);

const area = {
  travelTimeIndex: 1.42,
  avgSpeedKmh: 31.5,
  vehicles: 1200,
  history: [
    { simTimeMs: SIM_TIME_MS - 60_000, travelTimeIndex: 1.3, avgSpeedKmh: 33 },
    { simTimeMs: SIM_TIME_MS, travelTimeIndex: 1.42, avgSpeedKmh: 31.5 },
  ],
  openAlertsBySeverity: { Extreme: 0, Severe: 2, Moderate: 1, Minor: 0, Unknown: 0 },
  devices: { total: 10, online: 8, degraded: 1, offline: 1 },
};

export const cityFigures = (overrides: Partial<CityDetail> = {}): CityDetail => ({
  level: 'city',
  ...area,
  worstDistricts: [{ districtId: 'east', travelTimeIndex: 1.8, avgSpeedKmh: 22, openAlerts: 2 }],
  ...overrides,
});

export const districtFigures = (overrides: Partial<DistrictDetail> = {}): DistrictDetail => ({
  level: 'district',
  districtId: 'east',
  ...area,
  congestedLinks: [{ linkId: 'L23', speedKmh: 8, freeSpeedKmh: 30, congestionLevel: 4, flowVehPerH: 300 }],
  openAlerts: [],
  signals: { adaptive: 1, maxpressure: 0, fixed: 0 },
  ...overrides,
});

export const intersectionFigures = (overrides: Partial<IntersectionDetail> = {}): IntersectionDetail => ({
  level: 'intersection',
  nodeId: 'N2',
  districtId: 'east',
  approaches: [
    { linkId: 'L12', volumeVehPerH: 640, queueVeh: 7 },
    { linkId: 'L32', volumeVehPerH: 120, queueVeh: 1 },
  ],
  delayPerVehS: 23.4,
  nearbyAlerts: [],
  ...overrides,
});

export const linkFigures = (overrides: Partial<LinkDetail> = {}): LinkDetail => ({
  level: 'link',
  linkId: 'L23',
  districtId: 'east',
  speedKmh: 12,
  freeSpeedKmh: 30,
  congestionLevel: 3,
  flowVehPerH: 420,
  densityVehPerKmLane: 35,
  travelTimeS: 120,
  nearbyAlerts: [],
  ...overrides,
});

export const deviceFigures = (overrides: Partial<DeviceDetail> = {}): DeviceDetail => ({
  level: 'device',
  deviceId: 'LD-7',
  districtId: 'east',
  status: 'online',
  reading: { quantity: 'speed', value: 12, unit: 'km/h', simTimeMs: SIM_TIME_MS },
  alerts: [],
  ...overrides,
});

export function detailMessage(figures: DetailMessage['figures'], requestId?: string, simTimeMs = SIM_TIME_MS): DetailMessage {
  return { type: 'detail', simTimeMs, figures, ...(requestId !== undefined && { requestId }) };
}
