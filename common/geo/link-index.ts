/**
 * A spatial index of a city's road links (Flatbush over each link's bounding
 * box), built once per city, for finding the link nearest to a point.
 */
import Flatbush from 'flatbush';
import { distanceToPolylineM } from './polyline-distance';

/** Link shapes as the city payload carries them (see the protocol's LinkShapes). */
export interface LinkPolylines {
  /** First vertex of each link, then the vertex count. */
  pointStart: ArrayLike<number>;
  /** x, y per vertex, metres in the city frame. */
  xyM: ArrayLike<number>;
}

export class LinkIndex {
  private readonly index: Flatbush | null;

  constructor(private readonly shapes: LinkPolylines) {
    const linkCount = shapes.pointStart.length - 1;
    if (linkCount <= 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(linkCount);
    for (let link = 0; link < linkCount; link++) {
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let p = shapes.pointStart[link]!; p < shapes.pointStart[link + 1]!; p++) {
        const x = shapes.xyM[2 * p]!;
        const y = shapes.xyM[2 * p + 1]!;
        [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
      }
      this.index.add(minX, minY, maxX, maxY);
    }
    this.index.finish();
  }

  /**
   * The index of the link whose shape passes nearest to (xM, yM), if within
   * `reachM` metres; null otherwise. Of links equally near, the last.
   */
  nearest(xM: number, yM: number, reachM: number): number | null {
    const candidates = this.index?.search(xM - reachM, yM - reachM, xM + reachM, yM + reachM) ?? [];
    let best: number | null = null;
    let bestM = reachM;
    for (const link of candidates.sort((a, b) => a - b)) {
      const distanceM = distanceToPolylineM(this.shapes.xyM, this.shapes.pointStart[link]!, this.shapes.pointStart[link + 1]!, xM, yM);
      if (distanceM <= bestM) [best, bestM] = [link, distanceM];
    }
    return best;
  }
}
