/**
 * Runs buildBuildingMesh in a dedicated worker, one job per worker.
 */
import type { Buildings } from '@protocol';
import type { BuildingMesh } from './building-mesh';

export function buildBuildingMeshInWorker(buildings: Buildings): Promise<BuildingMesh> {
  const worker = new Worker(new URL('./building-mesh.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<BuildingMesh>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<BuildingMesh>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(`building mesh worker failed: ${event.message}`));
    worker.postMessage(buildings);
  }).finally(() => worker.terminate());
}
