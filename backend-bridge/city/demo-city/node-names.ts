/**
 * Grid keys and bilingual names of the demo city's road nodes: crossings are
 * named after their two roads ("中山路/解放路", "Zhongshan Rd / Jiefang Rd"),
 * edge nodes after the road that leaves the city there.
 */
import { GRID_HALF_LINES } from './layout';
import { type RoadPlan, lineSpec, roadNameAt } from './road-plan';

const LAST = 2 * GRID_HALF_LINES;

/** Stable two-digit key of a grid crossing, "column-row", e.g. "05-12". */
export const gridKey = (column: number, row: number) =>
  `${String(column).padStart(2, '0')}-${String(row).padStart(2, '0')}`;

const GATEWAYS = {
  west: { zh: '西', en: 'West' },
  east: { zh: '东', en: 'East' },
  south: { zh: '南', en: 'South' },
  north: { zh: '北', en: 'North' },
} as const;

export function nodeName(plan: RoadPlan, column: number, row: number): { zh: string; en: string } {
  const gateway = column === 0 ? 'west' : column === LAST ? 'east' : row === 0 ? 'south' : row === LAST ? 'north' : undefined;
  if (gateway !== undefined) {
    const road = gateway === 'west' || gateway === 'east' ? lineSpec(plan, 'row', row).name : lineSpec(plan, 'column', column).name;
    const side = GATEWAYS[gateway];
    return { zh: `${road.full.zh}${side.zh}出入口`, en: `${road.shortEn} ${side.en} Gateway` };
  }
  const northSouth = roadNameAt(plan, 'column', column, row);
  let eastWest = roadNameAt(plan, 'row', row, column);
  // At a ring's corner both roads are the ring; name the crossing after the street that continues beyond it.
  if (eastWest === northSouth) eastWest = lineSpec(plan, 'row', row).name;
  return { zh: `${northSouth.full.zh}/${eastWest.full.zh}`, en: `${northSouth.shortEn} / ${eastWest.shortEn}` };
}
