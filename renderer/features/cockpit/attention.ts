/**
 * Which districts need attention first: a score from congestion and open
 * alerts, so the wall's ranking and the cockpit's top five agree.
 *
 *   score = 10 × (travel time index − 1) + Σ open alerts × severity weight
 *
 * One point of score is a tenth of extra travel time (an index of 1.5 adds
 * 5) or one minor alert; an extreme alert weighs as much as a district at
 * index 2 (10 points, i.e. trips taking twice their free-flow time).
 */
import type { Alert, CapSeverity, DistrictTraffic } from '@protocol';
import { isOpenAlertStatus } from '@protocol';

export const SEVERITY_WEIGHTS: Readonly<Record<CapSeverity, number>> = { Extreme: 10, Severe: 5, Moderate: 2, Minor: 1, Unknown: 1 };
/** Score points per unit of travel time index above free flow. */
export const TTI_WEIGHT = 10;

export interface DistrictAttention {
  districtId: string;
  score: number;
  travelTimeIndex: number;
  avgSpeedKmh: number;
  openAlerts: number;
}

/** Districts by score, highest first (ties: higher index first), at most `limit`. */
export function rankByAttention(districts: readonly DistrictTraffic[], alerts: Iterable<Alert>, limit: number): DistrictAttention[] {
  const open = new Map<string, { count: number; weight: number }>();
  for (const alert of alerts) {
    if (!isOpenAlertStatus(alert.status)) continue;
    const entry = open.get(alert.districtId) ?? { count: 0, weight: 0 };
    entry.count++;
    entry.weight += SEVERITY_WEIGHTS[alert.severity];
    open.set(alert.districtId, entry);
  }
  return districts
    .map((district) => {
      const alertsHere = open.get(district.districtId) ?? { count: 0, weight: 0 };
      return {
        districtId: district.districtId,
        score: TTI_WEIGHT * Math.max(0, district.travelTimeIndex - 1) + alertsHere.weight,
        travelTimeIndex: district.travelTimeIndex,
        avgSpeedKmh: district.avgSpeedKmh,
        openAlerts: alertsHere.count,
      };
    })
    .sort((a, b) => b.score - a.score || b.travelTimeIndex - a.travelTimeIndex)
    .slice(0, limit);
}
