/**
 * What a click on the map meant, in the city's local metres: the district
 * polygon under it, or the road link nearest to it. Pure, so it tests
 * without WebGL; the map turns the click into metres first.
 */
import type { CityMeta, LinkShapes } from '@protocol';
import { LinkIndex } from '@common/geo/link-index';
import { RingLocator } from '@common/geo/ring-locator';

/** The city's districts and links indexed for picking; built once per city. */
export class CityPicker {
  private readonly districts: RingLocator;
  private readonly links: LinkIndex;

  constructor(
    private readonly meta: CityMeta,
    readonly shapes: LinkShapes,
  ) {
    this.districts = new RingLocator(meta.districts.map((district) => district.ringM));
    this.links = new LinkIndex(shapes);
  }

  /** The id of the district containing the point (a point on a border settled as the bridge does); null outside every district. */
  districtAt(xM: number, yM: number): string | null {
    return this.meta.districts[this.districts.find(xM, yM)]?.id ?? null;
  }

  /** The index of the link whose shape passes nearest to the point, if within `reachM` metres; null otherwise. */
  nearestLink(xM: number, yM: number, reachM: number): number | null {
    return this.links.nearest(xM, yM, reachM);
  }
}

/** The point halfway along a link's shape, metres; where the camera looks when the link is selected. */
export function linkMidpointM(shapes: LinkShapes, link: number): [number, number] {
  const first = shapes.pointStart[link]!;
  const last = shapes.pointStart[link + 1]! - 1;
  const point = (p: number): [number, number] => [shapes.xyM[2 * p]!, shapes.xyM[2 * p + 1]!];
  let totalM = 0;
  for (let p = first; p < last; p++) totalM += Math.hypot(...subtract(point(p + 1), point(p)));
  let leftM = totalM / 2;
  for (let p = first; p < last; p++) {
    const [dx, dy] = subtract(point(p + 1), point(p));
    const segmentM = Math.hypot(dx, dy);
    if (segmentM >= leftM && segmentM > 0) {
      const [x, y] = point(p);
      return [x + (dx * leftM) / segmentM, y + (dy * leftM) / segmentM];
    }
    leftM -= segmentM;
  }
  return point(first);
}

const subtract = ([ax, ay]: [number, number], [bx, by]: [number, number]): [number, number] => [ax - bx, ay - by];
