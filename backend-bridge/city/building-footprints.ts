/**
 * Collects building footprints into the city's packed `Buildings` arrays,
 * whatever file they came from: each ring stored counter-clockwise (as the
 * demo city's are), with its height and the district its vertex mean lies in.
 */
import type { Buildings } from '../protocol';
import { signedAreaM2, vertexMean } from '../../common/geo/planar-measures';

export class BuildingFootprints {
  private readonly ringStart = [0];
  private readonly xyM: number[] = [];
  private readonly heightM: number[] = [];
  private readonly district: number[] = [];

  constructor(private readonly districtAt: (xM: number, yM: number) => number) {}

  /** @param ringM an open ring of local x, y pairs, metres, either winding (reversed in place when clockwise) */
  add(ringM: number[], heightM: number): void {
    if (signedAreaM2(ringM) < 0) reverseRing(ringM);
    this.xyM.push(...ringM);
    this.ringStart.push(this.xyM.length / 2);
    this.heightM.push(heightM);
    const [cx, cy] = vertexMean(ringM);
    this.district.push(this.districtAt(cx, cy));
  }

  buildings(): Buildings {
    return {
      ringStart: Uint32Array.from(this.ringStart),
      xyM: Float32Array.from(this.xyM),
      heightM: Float32Array.from(this.heightM),
      district: Uint16Array.from(this.district),
    };
  }
}

function reverseRing(xy: number[]): void {
  for (let i = 0, j = xy.length / 2 - 1; i < j; i++, j--) {
    [xy[2 * i], xy[2 * j]] = [xy[2 * j]!, xy[2 * i]!];
    [xy[2 * i + 1], xy[2 * j + 1]] = [xy[2 * j + 1]!, xy[2 * i + 1]!];
  }
}
