/**
 * Turns building footprints into one indexed triangle mesh: a base ring and a
 * roof ring per building, walls between them and a triangulated roof. Walls
 * share corner vertices; the fragment shader derives flat normals from screen
 * derivatives, which keeps the mesh at 2 vertices per footprint corner.
 *
 * Pure and DOM-free: it runs in a Web Worker and in unit tests.
 */
import earcut from 'earcut';
import type { Buildings } from '@protocol';
import { curvatureDropM } from '@common/geo/curvature';
import { signedAreaM2 } from '@common/geo/planar-measures';
/** Height at which a tower reaches the brightest tint, in metres. */
export const TOWER_TINT_HEIGHT_M = 250;

export interface BuildingMesh {
  /** x, y, z per vertex, metres in the city's east-north-up frame. */
  positions: Float64Array;
  /** Per vertex: 0 at the base, 1 at the roof; then the building's height / TOWER_TINT_HEIGHT_M, clamped to 1. */
  shade: Float32Array;
  /** RGBA per vertex, 0–255. */
  colors: Uint8Array;
  indices: Uint32Array;
  /** Radius around the origin that holds every vertex, in metres. */
  radiusM: number;
}

/** A stable per-building jitter in [0, 1), so neighbouring towers differ a little. */
function jitter(index: number): number {
  let h = Math.imul(index ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

export function buildBuildingMesh(buildings: Buildings): BuildingMesh {
  const { ringStart, xyM, heightM } = buildings;
  const count = heightM.length;
  const cornerCount = ringStart[count]!;
  let roofTriangles = 0;
  for (let b = 0; b < count; b++) roofTriangles += ringStart[b + 1]! - ringStart[b]! - 2;

  const vertexCount = 2 * cornerCount;
  const positions = new Float64Array(vertexCount * 3);
  const shade = new Float32Array(vertexCount * 2);
  const colors = new Uint8Array(vertexCount * 4);
  const indices = new Uint32Array((cornerCount * 2 + roofTriangles) * 3);
  let indexCursor = 0;
  let radiusSq = 0;
  const ring: number[] = [];

  for (let b = 0; b < count; b++) {
    const start = ringStart[b]!;
    const end = ringStart[b + 1]!;
    const n = end - start;
    const ccw = signedAreaM2(xyM, start, end) >= 0;
    const heightNorm = Math.min(heightM[b]! / TOWER_TINT_HEIGHT_M, 1);
    const bright = 0.85 + 0.3 * jitter(b);
    const r = Math.round(Math.min(255, (46 + 50 * heightNorm) * bright));
    const g = Math.round(Math.min(255, (74 + 100 * heightNorm) * bright));
    const bl = Math.round(Math.min(255, (116 + 120 * heightNorm) * bright));
    ring.length = 0;
    // Vertex k of this building: base corner at 2*(start+k), roof corner right after it.
    for (let k = 0; k < n; k++) {
      const source = start + (ccw ? k : n - 1 - k);
      const x = xyM[2 * source]!;
      const y = xyM[2 * source + 1]!;
      const drop = curvatureDropM(x, y);
      for (let level = 0; level < 2; level++) {
        const v = 2 * (start + k) + level;
        const z = (level === 0 ? 0 : heightM[b]!) - drop;
        positions[3 * v] = x;
        positions[3 * v + 1] = y;
        positions[3 * v + 2] = z;
        shade[2 * v] = level;
        shade[2 * v + 1] = heightNorm;
        colors[4 * v] = r;
        colors[4 * v + 1] = g;
        colors[4 * v + 2] = bl;
        colors[4 * v + 3] = 255;
        radiusSq = Math.max(radiusSq, x * x + y * y + z * z);
      }
      ring.push(x, y);
    }
    for (let k = 0; k < n; k++) {
      const base = 2 * (start + k);
      const nextBase = 2 * (start + ((k + 1) % n));
      indices[indexCursor++] = base;
      indices[indexCursor++] = nextBase;
      indices[indexCursor++] = nextBase + 1;
      indices[indexCursor++] = base;
      indices[indexCursor++] = nextBase + 1;
      indices[indexCursor++] = base + 1;
    }
    const roof = earcut(ring);
    for (let t = 0; t < roof.length; t += 3) {
      const [a, c, d] = [roof[t]!, roof[t + 1]!, roof[t + 2]!];
      // earcut's output winding is not specified; roofs must face up for back-face culling.
      const cross = (ring[2 * c]! - ring[2 * a]!) * (ring[2 * d + 1]! - ring[2 * a + 1]!) - (ring[2 * c + 1]! - ring[2 * a + 1]!) * (ring[2 * d]! - ring[2 * a]!);
      const [p, q] = cross >= 0 ? [c, d] : [d, c];
      indices[indexCursor++] = 2 * (start + a) + 1;
      indices[indexCursor++] = 2 * (start + p) + 1;
      indices[indexCursor++] = 2 * (start + q) + 1;
    }
  }
  return { positions, shade, colors, indices: indices.subarray(0, indexCursor), radiusM: Math.sqrt(radiusSq) };
}
