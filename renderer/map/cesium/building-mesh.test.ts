import { curvatureDropM } from '@common/geo/curvature';
import { describe, expect, it } from 'vitest';
import { buildBuildingMesh } from './building-mesh';

const square = (x: number, y: number, size: number, clockwise = false) => {
  const ring = [x, y, x + size, y, x + size, y + size, x, y + size];
  if (!clockwise) return ring;
  const out: number[] = [];
  for (let i = ring.length - 2; i >= 0; i -= 2) out.push(ring[i]!, ring[i + 1]!);
  return out;
};

function mesh(rings: number[][], heights: number[]) {
  const starts = [0];
  for (const ring of rings) starts.push(starts.at(-1)! + ring.length / 2);
  return buildBuildingMesh({
    ringStart: new Uint32Array(starts),
    xyM: new Float32Array(rings.flat()),
    heightM: new Float32Array(heights),
    district: new Uint16Array(rings.length),
  });
}

/** z of the normal of triangle t; > 0 faces up, for walls the outward direction is checked separately. */
function triangleNormal(positions: Float64Array, indices: Uint32Array, t: number) {
  const p = [0, 1, 2].map((k) => Array.from(positions.subarray(3 * indices[3 * t + k]!, 3 * indices[3 * t + k]! + 3)));
  const u = p[1]!.map((v, i) => v - p[0]![i]!);
  const w = p[2]!.map((v, i) => v - p[0]![i]!);
  return [u[1]! * w[2]! - u[2]! * w[1]!, u[2]! * w[0]! - u[0]! * w[2]!, u[0]! * w[1]! - u[1]! * w[0]!];
}

describe('buildBuildingMesh', () => {
  it('makes two vertices per corner, eight wall triangles and two roof triangles for a box', () => {
    const m = mesh([square(0, 0, 10)], [30]);
    expect(m.positions.length / 3).toBe(8);
    expect(m.indices.length / 3).toBe(10);
    expect(Math.max(...Array.from(m.positions).filter((_, i) => i % 3 === 2))).toBeCloseTo(30, 3);
  });

  it('faces every roof up and every wall outward, whichever way the footprint was wound', () => {
    for (const clockwise of [false, true]) {
      const m = mesh([square(-5, -5, 10, clockwise)], [20]);
      for (let t = 0; t < m.indices.length / 3; t++) {
        const [nx, ny, nz] = triangleNormal(m.positions, m.indices, t);
        const corners = [0, 1, 2].map((k) => 3 * m.indices[3 * t + k]!);
        const cx = corners.reduce((sum, i) => sum + m.positions[i]!, 0) / 3;
        const cy = corners.reduce((sum, i) => sum + m.positions[i + 1]!, 0) / 3;
        if (Math.abs(nz!) > 1e-6) expect(nz).toBeGreaterThan(0);
        // The footprint is centred on the origin, so outward means along the centroid.
        else expect(nx! * cx + ny! * cy).toBeGreaterThan(0);
      }
    }
  });

  it('triangulates a concave L-shaped roof with n - 2 triangles', () => {
    const l = [0, 0, 20, 0, 20, 10, 10, 10, 10, 20, 0, 20];
    const m = mesh([l], [12]);
    expect(m.indices.length / 3).toBe(6 * 2 + 4);
  });

  it('lowers far buildings onto the curved globe', () => {
    const near = mesh([square(0, 0, 10)], [10]);
    const far = mesh([square(10_000, 0, 10)], [10]);
    expect(near.positions[2]).toBeCloseTo(0, 3);
    expect(far.positions[2]).toBeCloseTo(-curvatureDropM(10_000, 0), 3);
  });

  it('gives taller buildings a brighter tint and a larger shade value', () => {
    const m = mesh([square(0, 0, 10), square(50, 0, 10)], [15, 240]);
    expect(m.shade[2 * 8 + 1]!).toBeGreaterThan(m.shade[1]!);
  });
});
