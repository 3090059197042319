/**
 * The configured city box and the local metres frame the city is served in:
 * every position read from the files is checked against the box and
 * projected onto the plane tangent at the origin (the frame the renderer
 * places the city in).
 */
import { type GeoPoint, type LocalFrame, localFrame } from '../../../common/geo/local-frame';
import type { Position } from './geojson-file';

export interface CityBox {
  westDeg: number;
  southDeg: number;
  eastDeg: number;
  northDeg: number;
}

export class CityFrame {
  readonly origin: GeoPoint;
  private readonly frame: LocalFrame;

  /** @param origin of the local frame; @default the centre of the box */
  constructor(
    readonly box: CityBox,
    origin?: GeoPoint,
  ) {
    this.origin = origin ?? { lonDeg: (box.westDeg + box.eastDeg) / 2, latDeg: (box.southDeg + box.northDeg) / 2 };
    this.frame = localFrame(this.origin);
  }

  contains([lonDeg, latDeg]: Position): boolean {
    const { westDeg, southDeg, eastDeg, northDeg } = this.box;
    return lonDeg >= westDeg && lonDeg <= eastDeg && latDeg >= southDeg && latDeg <= northDeg;
  }

  /** [xM, yM]: metres east and north of the origin. */
  toLocal([lonDeg, latDeg]: Position): [number, number] {
    return this.frame.toLocalM(lonDeg, latDeg);
  }
}

/** Collects the ids of features with positions outside the box, per layer, for one report. */
export class OutsideBox {
  private readonly idsByLayer = new Map<string, string[]>();

  add(layer: string, id: string): void {
    const ids = this.idsByLayer.get(layer) ?? [];
    ids.push(id);
    this.idsByLayer.set(layer, ids);
  }

  count(layer: string): number {
    return this.idsByLayer.get(layer)?.length ?? 0;
  }

  /** e.g. `roads: 3 features outside the city box (r1, r7, r9)`, listing at most `maxIds` ids. */
  describe(layer: string, maxIds = 20): string | null {
    const ids = this.idsByLayer.get(layer);
    if (!ids?.length) return null;
    const shown = ids.slice(0, maxIds).join(', ');
    const more = ids.length > maxIds ? `, and ${ids.length - maxIds} more` : '';
    return `${layer}: ${ids.length} feature${ids.length === 1 ? '' : 's'} outside the city box (${shown}${more})`;
  }
}
