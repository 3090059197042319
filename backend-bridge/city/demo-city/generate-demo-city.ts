/**
 * 临江市 / Linjiang: the fictional city of the offline demo, generated from a
 * seed. The same seed always yields the same city, down to the byte.
 *
 * The city sits on the Lin River at 120.19° E, 30.26° N: a street grid of
 * roughly 560 m blocks over ±6.7 km, an inner and an outer ring expressway
 * on the grid, bridges on every second or third north–south road, ten
 * districts, a dense centre of towers thinning to low-rise at the edge.
 */
import { CITY_FORMAT_VERSION, type CityMeta, type District } from '../../protocol';
import type { CityModel } from '../city-model';
import { DistrictLocator } from '../district-locator';
import { checkSeed } from '../prng';
import { buildBuildings } from './buildings';
import { placeDevices } from './devices';
import { planDistricts } from './districts';
import { planLayout } from './layout';
import { buildRoadNetwork } from './road-network';
import { planRoads } from './road-plan';

/** Seed of the city shown when nothing else is configured. */
export const DEFAULT_DEMO_SEED = 20_240_601;

const ORIGIN = { lonDeg: 120.19, latDeg: 30.26 } as const;
/** The zone of the place the demo city stands in, on the Qiantang river. */
const TIME_ZONE = 'Asia/Shanghai';

/**
 * Builds the demo city. `meta.version` is left '' for `encodeCityPayload`
 * to fill with the content hash.
 *
 * @param seed unsigned 32-bit integer; default DEFAULT_DEMO_SEED
 */
export function generateDemoCity(seed = DEFAULT_DEMO_SEED): CityModel {
  checkSeed(seed);
  const layout = planLayout(seed);
  const plan = planRoads(seed);
  const outlines = planDistricts(layout);
  const locator = new DistrictLocator(outlines);
  const indexAt = (xM: number, yM: number, what: string) => locator.require(xM, yM, what);
  const idAt = (xM: number, yM: number, what: string) => outlines[indexAt(xM, yM, what)]!.id;

  const network = buildRoadNetwork(layout, plan, idAt);
  const { buildings, residentsByDistrict } = buildBuildings(seed, layout, plan, outlines.length, indexAt);
  const districts: District[] = outlines.map((district, i) => ({
    ...district,
    populationThousands: Math.round(residentsByDistrict[i]! / 100) / 10,
  }));
  const devices = placeDevices(seed, layout, network, buildings, districts, locator);

  const bounds = boundsOf(districts);
  const meta: CityMeta = {
    formatVersion: CITY_FORMAT_VERSION,
    id: 'linjiang',
    name: { zh: '临江市', en: 'Linjiang' },
    version: '',
    seed,
    origin: { ...ORIGIN },
    timeZone: TIME_ZONE,
    bounds,
    districts,
    water: [{ id: 'lin-river', name: { zh: '临江', en: 'Lin River' }, ringM: layout.river.outlineM(bounds.minXM, bounds.maxXM) }],
    nodes: network.nodes,
    links: network.links,
    devices,
    buildingCount: buildings.heightM.length,
  };
  return { meta, buildings, linkShapes: network.linkShapes };
}

/** The districts tile the whole city and every other feature lies in one, so their extent is the city's. */
function boundsOf(districts: readonly District[]): CityMeta['bounds'] {
  const points = districts.flatMap((d) => d.ringM);
  return {
    minXM: Math.min(...points.map(([x]) => x)),
    minYM: Math.min(...points.map(([, y]) => y)),
    maxXM: Math.max(...points.map(([x]) => x)),
    maxYM: Math.max(...points.map(([, y]) => y)),
  };
}
