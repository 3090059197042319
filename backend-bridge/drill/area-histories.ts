/**
 * The travel time index and speed of the city and of each district over the
 * last hours, one point per sim minute (the core keeps only the city's), so
 * a district panel draws its trend at once.
 */
import type { AreaTraffic } from '../sources/live-source';
import { type HistoryPoint, TrafficHistory } from '../traffic/traffic-history';

export class AreaHistories {
  private readonly cityPoints = new TrafficHistory();
  private readonly districtPoints = new Map<string, TrafficHistory>();

  /** @param districtIds the city's districts: figures for any other id are not kept, so a confused source cannot grow memory */
  constructor(districtIds: Iterable<string>) {
    for (const id of districtIds) this.districtPoints.set(id, new TrafficHistory());
  }

  add(area: AreaTraffic): void {
    this.cityPoints.add(pointOf(area.simTimeMs, area.city));
    for (const district of area.districts) this.districtPoints.get(district.districtId)?.add(pointOf(area.simTimeMs, district));
  }

  city(): HistoryPoint[] {
    return this.cityPoints.list();
  }

  /** The district's points, oldest first; empty for an unknown district. */
  district(districtId: string): HistoryPoint[] {
    return this.districtPoints.get(districtId)?.list() ?? [];
  }
}

function pointOf(simTimeMs: number, figures: { travelTimeIndex: number; avgSpeedKmh: number }): HistoryPoint {
  return { simTimeMs, travelTimeIndex: figures.travelTimeIndex, avgSpeedKmh: figures.avgSpeedKmh };
}
