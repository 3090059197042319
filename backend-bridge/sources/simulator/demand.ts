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
 * the centre (movements.ts). The rates are tuned with that pull so that in
 * the demo city the centre and its river bridges jam in the morning peak,
 * the outskirts stay light and the whole network runs free at night.
 */
import type { CityMeta } from '../../protocol';
import type { SimNetwork } from './network';

export interface DemandOptions {
  /** Multiplies every rate. @default 1 */
  demandScale?: number;
}

/**
 * Car trips started per resident in the morning peak hour. With the
 * morning's inward pull (tidal-demand.ts) putting the peak's trips onto the
 * radials and the centre, this loads the centre to its jam without locking
 * the whole grid.
 */
const PEAK_TRIPS_PER_RESIDENT_H = 0.0264;
/** Residents credited to each interior node of a district without population data. */
const RESIDENTS_PER_NODE_WITHOUT_DATA = 5_000;
/** Through traffic entering at a boundary node at the peak, as a share of the entering link's capacity. */
const BOUNDARY_ENTRY_LOAD = 0.24;

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
