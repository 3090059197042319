/// <reference lib="webworker" />
/**
 * Builds the building mesh off the main thread; the result's arrays are
 * transferred back without a copy.
 */
import type { Buildings } from '@protocol';
import { buildBuildingMesh } from './building-mesh';

self.onmessage = (event: MessageEvent<Buildings>) => {
  const mesh = buildBuildingMesh(event.data);
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(mesh, [
    mesh.positions.buffer,
    mesh.shade.buffer,
    mesh.colors.buffer,
    mesh.indices.buffer,
  ]);
};
