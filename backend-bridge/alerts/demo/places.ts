/**
 * Where demo alerts happen: at a device of the right kind, or a point in a
 * district chosen by population — or, for a share of them, near one of a few
 * hot spots (a busy square, a nightlife street), which is what lets
 * correlation find clusters in the demo.
 */
import { ringHolds } from '../../../common/geo/ring-locator';
import { DistrictLocator } from '../../city/district-locator';
import type { Prng } from '../../city/prng';
import type { CityMeta, Device, DeviceKind, District } from '../../protocol/city';

export interface DemoPlace {
  xM: number;
  yM: number;
  districtId: string;
  deviceId?: string;
  /** What the headline calls the place: the device or the district. */
  name: { zh: string; en: string };
}

export interface HotSpot {
  xM: number;
  yM: number;
  radiusM: number;
  /** Devices an alert near the spot may come from: those within 2 × radiusM of any point of it. */
  devices: readonly Device[];
}

/** Hot spots are placed in this many of the most populous districts, one each. */
const HOT_SPOT_COUNT = 3;
/** Alerts near a hot spot fall within this distance of it, metres. */
const HOT_SPOT_RADIUS_M = 250;
/** Tries to draw a random point inside a district outline before taking its label point. */
const POINT_TRIES = 30;

export class DemoPlaces {
  readonly hotSpots: readonly HotSpot[];
  private readonly locator: DistrictLocator;
  private readonly districtWeights: (readonly [District, number])[];
  /** Devices by `districtId kind`, and by `districtId any`. */
  private readonly devicesByDistrictKind = new Map<string, Device[]>();

  constructor(
    private readonly meta: CityMeta,
    rng: Prng,
  ) {
    this.locator = new DistrictLocator(meta.districts);
    this.districtWeights = meta.districts.map((d) => [d, d.populationThousands ?? 1] as const);
    for (const device of meta.devices) {
      for (const key of [`${device.districtId} ${device.kind}`, `${device.districtId} any`]) {
        const list = this.devicesByDistrictKind.get(key) ?? [];
        list.push(device);
        this.devicesByDistrictKind.set(key, list);
      }
    }
    const busiest = [...meta.districts].sort((a, b) => (b.populationThousands ?? 0) - (a.populationThousands ?? 0)).slice(0, HOT_SPOT_COUNT);
    this.hotSpots = busiest.map((district) => {
      const nodes = meta.nodes.filter((node) => node.districtId === district.id && node.signalized);
      const { xM, yM } = nodes.length > 0 ? rng.pick(nodes) : { xM: district.labelM[0], yM: district.labelM[1] };
      // Alerts fall within radiusM of the centre and take a device up to 2 × radiusM from where they fall.
      const devices = meta.devices.filter((d) => Math.hypot(d.xM - xM, d.yM - yM) <= 3 * HOT_SPOT_RADIUS_M);
      return { xM, yM, radiusM: HOT_SPOT_RADIUS_M, devices };
    });
  }

  /** A place for an alert from `device` (a kind, any device, or none: a person's report). */
  pick(device: DeviceKind | 'any' | null, nearHotSpot: boolean, rng: Prng): DemoPlace {
    if (nearHotSpot && this.hotSpots.length > 0) return this.nearHotSpot(rng.pick(this.hotSpots), device, rng);
    const district = rng.weighted(this.districtWeights);
    const devices = device === null ? undefined : this.devicesByDistrictKind.get(`${district.id} ${device}`);
    if (devices) return placeOf(rng.pick(devices));
    const [xM, yM] = this.pointIn(district, rng);
    return { xM, yM, districtId: district.id, name: district.name };
  }

  private nearHotSpot(spot: HotSpot, device: DeviceKind | 'any' | null, rng: Prng): DemoPlace {
    // Uniform over the disc: the radius grows with the square root of a uniform draw.
    const r = spot.radiusM * Math.sqrt(rng.next());
    const angle = rng.float(0, 2 * Math.PI);
    const xM = spot.xM + r * Math.cos(angle);
    const yM = spot.yM + r * Math.sin(angle);
    const index = this.locator.find(xM, yM);
    const district = this.meta.districts[index < 0 ? this.locator.find(spot.xM, spot.yM) : index] ?? this.meta.districts[0]!;
    if (device !== null) {
      const nearest = nearestDevice(spot.devices, xM, yM, device, spot.radiusM * 2);
      if (nearest) return placeOf(nearest);
    }
    return { xM, yM, districtId: district.id, name: district.name };
  }

  private pointIn(district: District, rng: Prng): [number, number] {
    const xs = district.ringM.map(([x]) => x);
    const ys = district.ringM.map(([, y]) => y);
    for (let i = 0; i < POINT_TRIES; i++) {
      const x = rng.float(Math.min(...xs), Math.max(...xs));
      const y = rng.float(Math.min(...ys), Math.max(...ys));
      if (ringHolds(district.ringM, x, y)) return [x, y];
    }
    return [district.labelM[0], district.labelM[1]];
  }
}

function nearestDevice(devices: readonly Device[], xM: number, yM: number, kind: DeviceKind | 'any', withinM: number): Device | undefined {
  let best: Device | undefined;
  let bestM = withinM;
  for (const device of devices) {
    if (kind !== 'any' && device.kind !== kind) continue;
    const distanceM = Math.hypot(device.xM - xM, device.yM - yM);
    if (distanceM <= bestM) [best, bestM] = [device, distanceM];
  }
  return best;
}

const placeOf = (device: Device): DemoPlace => ({ xM: device.xM, yM: device.yM, districtId: device.districtId, deviceId: device.id, name: device.name });
