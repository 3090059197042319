/**
 * Where trips start: a rate of new vehicles per node at the morning peak
 * hour (demand factor 1). The daily profile scales it through the day.
 *
 * - Interior nodes generate trips from their district's residents, shared
 *   evenly over the district's interior nodes.
 * - Boundary nodes feed through traffic from outside the modelled area, as a
 *   share of what the entering link can carry.
 *
 * Where the trips go is up to the turning fractions, which draw them towards
 * the centre in the morning and out in the evening (tidal-demand.ts).
 *
 * Calibration. The two rates below set the demand level; the daily profile
 * (demand-profile.ts) and the tide set its shape, and are not touched by it.
 * The level is chosen by what a real city's morning peak looks like —
 * congested, not gridlocked:
 * - the busiest signalized crossings run near capacity: the median critical
 *   degree of saturation Xc = Σ y_crit · C / (C − L) of the 10 most loaded
 *   crossings, with the demand of 07:30–08:30 and the fixed plans' cycles and
 *   phases (degree-of-saturation.ts), lies in 0.9–1.0;
 * - the vehicles in the network level off at the top of the demand instead
 *   of growing without bound: the count at 08:30 is within 5 % of the count
 *   at 08:00, and by 09:00 (demand down to 0.72 of its top) it falls.
 * Measured with `measurePeakLoad(scale)` in bench/signals.ts (fixed plans,
 * seed DEFAULT_DEMO_SEED), as multiples of the rates this file had before
 * (0.0264 trips per resident, boundary load 0.24):
 *
 *   scale  median Xc  Xc > 1  vehicles in the system 07:00/08:00/08:30/09:00
 *   1.00     2.15       66     13,483 / 34,622 / 42,436 / 41,585  (gridlock)
 *   0.70     1.51       24      8,788 / 18,946 / 21,294 / 19,208
 *   0.60     1.18       12      7,388 / 14,900 / 15,696 / 13,351
 *   0.55     1.04        7      6,713 / 13,312 / 13,651 / 11,300
 *   0.50     0.92        2      6,050 / 11,881 / 11,819 /  9,608  (chosen)
 *   0.45     0.83        1      5,429 / 10,578 / 10,347 /  8,300
 *
 * 0.50 is the one scale tried that meets both. Under the fixed plans as
 * split for the average day, 10 of the 420 crossings still see a movement
 * past capacity at the peak (the tidal left turns that a 7 s protected
 * phase cannot carry): the gap a responsive controller is for. Out of 420
 * crossings the two with Xc > 1 (1.42, 1.30) are where the centre queues.
 */
import type { CityMeta } from '../../protocol';
import type { SimNetwork } from './network';

export interface DemandOptions {
  /** Multiplies every rate. @default 1 */
  demandScale?: number;
}

/** Car trips started per resident in the morning peak hour (calibrated above). */
const PEAK_TRIPS_PER_RESIDENT_H = 0.0132;
/** Residents credited to each interior node of a district without population data. */
const RESIDENTS_PER_NODE_WITHOUT_DATA = 5_000;
/** Through traffic entering at a boundary node at the peak, as a share of the entering link's capacity (calibrated above). */
const BOUNDARY_ENTRY_LOAD = 0.12;

/** Peak trip generation of each node, vehicles per second. */
export function peakSourceRatesVehPerS(meta: CityMeta, net: SimNetwork, options: DemandOptions = {}): Float64Array {
  const scale = options.demandScale ?? 1;
  if (!(scale >= 0 && Number.isFinite(scale))) throw new RangeError(`demandScale must be a finite number ≥ 0, got ${scale}`);
  const { nodes, links } = net;
  const generates = (node: number) => nodes.outLinks[node]!.length > 0 && !nodes.isBoundary[node];
  const interiorNodes = new Float64Array(net.districtIds.length);
  for (let node = 0; node < nodes.count; node++) if (generates(node)) interiorNodes[nodes.district[node]!]!++;

  return Float64Array.from({ length: nodes.count }, (_, node) => {
    if (nodes.isBoundary[node]) {
      const entryCapacityVehPerS = nodes.outLinks[node]!.reduce((sum, l) => sum + links.capacityVehPerS[l]!, 0);
      return scale * BOUNDARY_ENTRY_LOAD * entryCapacityVehPerS;
    }
    if (!generates(node)) return 0;
    const district = nodes.district[node]!;
    const thousands = meta.districts[district]!.populationThousands;
    const residents = thousands === undefined ? RESIDENTS_PER_NODE_WITHOUT_DATA : (thousands * 1000) / interiorNodes[district]!;
    return (scale * residents * PEAK_TRIPS_PER_RESIDENT_H) / 3600;
  });
}
