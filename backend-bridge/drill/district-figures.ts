/** The district level: the district's traffic, its most congested links, open alerts and signal modes. */
import type { DistrictDetail } from '../protocol';
import { newestRows } from './alert-rows';
import { drillAreaFigures } from './area-figures';
import { type DrillInputs, linkNow } from './drill-inputs';

/** Links listed as the most congested, at most. */
export const CONGESTED_LINK_COUNT = 10;

/** The district's figures; the caller has checked that the district exists. */
export function districtFigures(inputs: DrillInputs, districtId: string): DistrictDetail {
  const { index } = inputs;
  const openAlerts = inputs.openAlerts.filter((alert) => alert.districtId === districtId);
  const signals = { adaptive: 0, maxpressure: 0, fixed: 0 };
  for (const node of index.nodesOfDistrict.get(districtId) ?? []) {
    if (node.signalized) signals[inputs.modes.modeOf(node.id)]++;
  }
  return {
    level: 'district',
    districtId,
    ...drillAreaFigures(inputs, districtId, openAlerts, index.devicesOfDistrict.get(districtId) ?? []),
    congestedLinks: mostCongestedLinks(inputs, index.linksOfDistrict.get(districtId) ?? []),
    openAlerts: newestRows(openAlerts),
    signals,
  };
}

/**
 * The links with the lowest share of their free-flow speed; on a tie the one
 * carrying more vehicles (more people stuck), then the city's own order.
 */
function mostCongestedLinks(inputs: DrillInputs, linkIndices: readonly number[]): DistrictDetail['congestedLinks'] {
  return linkIndices
    .map((linkIndex) => {
      const link = inputs.index.link(linkIndex);
      const now = linkNow(inputs, linkIndex);
      return {
        speedRatio: now.speedKmh / link.freeSpeedKmh,
        row: { linkId: link.id, speedKmh: now.speedKmh, freeSpeedKmh: link.freeSpeedKmh, congestionLevel: now.congestionLevel, flowVehPerH: now.flowVehPerH },
      };
    })
    .sort((a, b) => a.speedRatio - b.speedRatio || b.row.flowVehPerH - a.row.flowVehPerH)
    .slice(0, CONGESTED_LINK_COUNT)
    .map((entry) => entry.row);
}
