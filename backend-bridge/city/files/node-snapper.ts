/**
 * Finds the road node nearest to a point within a tolerance, on a grid of
 * tolerance-sized cells so a city of many thousand nodes snaps in linear time.
 */
export class NodeSnapper {
  private readonly cells = new Map<string, { id: string; xM: number; yM: number }[]>();

  /** @param toleranceM how far an endpoint may lie from a node and still join it, metres */
  constructor(private readonly toleranceM: number) {}

  add(id: string, xM: number, yM: number): void {
    const key = this.key(Math.floor(xM / this.toleranceM), Math.floor(yM / this.toleranceM));
    const cell = this.cells.get(key) ?? [];
    cell.push({ id, xM, yM });
    this.cells.set(key, cell);
  }

  /** The id of the nearest node within the tolerance, or undefined. */
  nearest(xM: number, yM: number): string | undefined {
    const cx = Math.floor(xM / this.toleranceM);
    const cy = Math.floor(yM / this.toleranceM);
    let best: { id: string; distanceM: number } | undefined;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const node of this.cells.get(this.key(cx + dx, cy + dy)) ?? []) {
          const distanceM = Math.hypot(node.xM - xM, node.yM - yM);
          if (distanceM <= this.toleranceM && (!best || distanceM < best.distanceM)) best = { id: node.id, distanceM };
        }
      }
    }
    return best?.id;
  }

  private key(cx: number, cy: number): string {
    return `${cx},${cy}`;
  }
}
