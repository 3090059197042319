/** The city level: citywide traffic, alerts and devices, and the districts worst off. */
import type { CityDetail } from '../protocol';
import { drillAreaFigures } from './area-figures';
import { type DrillInputs, areaNow } from './drill-inputs';

/** Districts listed as the worst, at most. */
export const WORST_DISTRICT_COUNT = 5;

export function cityFigures(inputs: DrillInputs): CityDetail {
  const { meta } = inputs.index.city;
  const openByDistrict = new Map<string, number>();
  for (const alert of inputs.openAlerts) openByDistrict.set(alert.districtId, (openByDistrict.get(alert.districtId) ?? 0) + 1);
  // Highest travel time index first; on a tie the district with more open alerts, then the city's own order.
  const worstDistricts = meta.districts
    .map((district) => {
      const { travelTimeIndex, avgSpeedKmh } = areaNow(inputs, district.id);
      return { districtId: district.id, travelTimeIndex, avgSpeedKmh, openAlerts: openByDistrict.get(district.id) ?? 0 };
    })
    .sort((a, b) => b.travelTimeIndex - a.travelTimeIndex || b.openAlerts - a.openAlerts)
    .slice(0, WORST_DISTRICT_COUNT);
  return {
    level: 'city',
    ...drillAreaFigures(inputs, null, inputs.openAlerts, meta.devices),
    worstDistricts,
  };
}
