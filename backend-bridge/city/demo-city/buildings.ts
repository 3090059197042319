/**
 * Fills the demo city's blocks with buildings. Each block between four grid
 * lines is set back from its roads, given a use for its zone (see
 * block-styles), cut into plots, and each plot gets at most one footprint.
 * Nothing is built within a green belt along the river.
 */
import type { Buildings } from '../../protocol';
import { signedAreaM2, vertexMean } from '../../../common/geo/planar-measures';
import { Prng } from '../prng';
import { STOREY_M, STYLES, compoundStoreys, pickBlockUse } from './block-styles';
import { footprint } from './footprints';
import { CENTRE_LINE, type DemoLayout, GRID_HALF_LINES, RING_STEPS, zoneAt } from './layout';
import { LANE_WIDTH_M } from '../../../common/geo/road-dimensions';
import { type Axis, type RoadPlan, type RoadSpec, segmentSpec } from './road-plan';

/** Buildings keep this far from the water, in metres: the riverside park. */
export const BUILDING_WATER_MARGIN_M = 60;
/** Setback from the city edge, where no road runs, in metres. */
const EDGE_SETBACK_M = 30;
/** Pavement and street trees between the carriageway and the building line, in metres. */
const PAVEMENT_M = 12;
/** Extra clearance beside an elevated expressway, in metres. */
const VIADUCT_CLEARANCE_M = 15;
/** Blocks narrower than this after setbacks stay empty, in metres. */
const MIN_BLOCK_M = 30;
/** Floor space per resident, in m² (China's urban average is around 40). */
const FLOOR_M2_PER_RESIDENT = 40;
const LAST = 2 * GRID_HALF_LINES;

/** Index of the district containing a point; `what` names the point in errors. */
export type DistrictIndexAt = (xM: number, yM: number, what: string) => number;

export interface BuildingSet {
  buildings: Buildings;
  /** Residents housed in each district's buildings, by district index. */
  residentsByDistrict: number[];
}

export function buildBuildings(
  seed: number,
  layout: DemoLayout,
  plan: RoadPlan,
  districtCount: number,
  districtIndexAt: DistrictIndexAt,
): BuildingSet {
  const rng = new Prng(seed, 'buildings');
  const coreness = businessCoreness(layout);
  const ringStart: number[] = [0];
  const xyM: number[] = [];
  const heightM: number[] = [];
  const district: number[] = [];
  const residentsByDistrict = new Array<number>(districtCount).fill(0);

  const setbackM = (axis: Axis, line: number, from: number, to: number) =>
    line === 0 || line === LAST ? EDGE_SETBACK_M : roadSetbackM(segmentSpec(plan, layout, axis, line, from, to));

  for (let column = 0; column < LAST; column++) {
    for (let row = 0; row < LAST; row++) {
      const minXM = layout.columnXM[column]! + setbackM('column', column, row, row + 1);
      const maxXM = layout.columnXM[column + 1]! - setbackM('column', column + 1, row, row + 1);
      const minYM = layout.rowYM[row]! + setbackM('row', row, column, column + 1);
      const maxYM = layout.rowYM[row + 1]! - setbackM('row', row + 1, column, column + 1);
      if (maxXM - minXM < MIN_BLOCK_M || maxYM - minYM < MIN_BLOCK_M) continue;
      const zone = zoneAt(layout, (minXM + maxXM) / 2, (minYM + maxYM) / 2);
      const use = pickBlockUse(zone, rng);
      if (use === 'park') continue;
      const style = STYLES[use];
      const blockStoreys = use === 'compound' ? compoundStoreys(zone, rng) : 0;
      const plotsX = Math.max(1, Math.round((maxXM - minXM) / style.plotM[0]));
      const plotsY = Math.max(1, Math.round((maxYM - minYM) / style.plotM[1]));
      const plotWM = (maxXM - minXM) / plotsX;
      const plotDM = (maxYM - minYM) / plotsY;
      for (let px = 0; px < plotsX; px++) {
        for (let py = 0; py < plotsY; py++) {
          if (rng.chance(style.emptyChance)) continue;
          const widthM = plotWM * rng.float(...style.widthShare);
          const depthM = plotDM * rng.float(...style.depthShare);
          // Footprints wander within their plot so rows of buildings do not look stamped.
          const cxM = minXM + (px + 0.5) * plotWM + ((plotWM - widthM) / 2) * rng.float(-0.8, 0.8);
          const cyM = minYM + (py + 0.5) * plotDM + ((plotDM - depthM) / 2) * rng.float(-0.8, 0.8);
          const [x0, y0, x1, y1] = [cxM - widthM / 2, cyM - depthM / 2, cxM + widthM / 2, cyM + depthM / 2];
          if (layout.river.rectIsWet(x0, y0, x1, y1, BUILDING_WATER_MARGIN_M)) continue;
          const ring = footprint(rng.weighted(style.shapes), cxM, cyM, widthM, depthM, rng);
          const height = Math.round(style.heightM(rng, coreness(cxM, cyM), blockStoreys) * 10) / 10;
          const [centreXM, centreYM] = vertexMean(ring);
          const index = districtIndexAt(centreXM, centreYM, `building ${heightM.length}`);
          const floorM2 = signedAreaM2(ring) * Math.max(1, Math.floor(height / STOREY_M));
          residentsByDistrict[index]! += (floorM2 * style.housingShare) / FLOOR_M2_PER_RESIDENT;
          xyM.push(...ring);
          ringStart.push(xyM.length / 2);
          heightM.push(height);
          district.push(index);
        }
      }
    }
  }
  return {
    buildings: {
      ringStart: Uint32Array.from(ringStart),
      xyM: Float32Array.from(xyM),
      heightM: Float32Array.from(heightM),
      district: Uint16Array.from(district),
    },
    residentsByDistrict,
  };
}

/** Distance from a road's centreline to the building line, in metres. */
function roadSetbackM(spec: RoadSpec): number {
  const viaductM = spec.roadClass === 'expressway' ? VIADUCT_CLEARANCE_M : 0;
  return spec.lanes * LANE_WIDTH_M + PAVEMENT_M + viaductM;
}

/**
 * How central a point is, 0..1: the main business district sits on the
 * north bank just north of the city's centre, a second one across the river
 * on the south bank, the way many river cities grew a new district opposite
 * the old one.
 */
function businessCoreness(layout: DemoLayout): (xM: number, yM: number) => number {
  const { river, columnXM, rowYM } = layout;
  const mainXM = columnXM[CENTRE_LINE]!;
  const mainYM = (river.centreYM(mainXM) + river.halfWidthM(mainXM) + rowYM[CENTRE_LINE + RING_STEPS.inner]!) / 2;
  const secondXM = columnXM[CENTRE_LINE + 2]!;
  const secondYM = (river.centreYM(secondXM) - river.halfWidthM(secondXM) + rowYM[CENTRE_LINE - RING_STEPS.inner]!) / 2;
  const cores = [
    { xM: mainXM, yM: mainYM, radiusM: 2500, peak: 1 },
    { xM: secondXM, yM: secondYM, radiusM: 1600, peak: 0.7 },
  ];
  return (xM, yM) =>
    Math.max(0, ...cores.map((c) => c.peak * Math.max(0, 1 - Math.hypot(xM - c.xM, yM - c.yM) / c.radiusM)));
}
