/// <reference lib="webworker" />
/**
 * Decodes traffic frames off the main thread: builds the city's road and
 * heat geometry once, then turns each frame into typed arrays for the map
 * layers and transfers them back without a copy.
 */
import {
  TrafficFrameProcessor,
  frameTransferables,
  geometryTransferables,
} from './traffic-frame-processor';
import type { TrafficWorkerReply, TrafficWorkerRequest } from './traffic-worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let current: { cityVersion: string; processor: TrafficFrameProcessor } | null = null;

function reply(message: TrafficWorkerReply, transfer: ArrayBuffer[] = []): void {
  scope.postMessage(message, transfer);
}

scope.onmessage = (event: MessageEvent<TrafficWorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'city') {
      const processor = new TrafficFrameProcessor(request.city);
      current = { cityVersion: request.cityVersion, processor };
      reply({ type: 'geometry', cityVersion: request.cityVersion, geometry: processor.geometry }, geometryTransferables(processor.geometry));
      return;
    }
    if (current?.cityVersion !== request.cityVersion) {
      throw new Error(`traffic frame for city ${request.cityVersion}, but the worker has ${current?.cityVersion ?? 'no city'}`);
    }
    const frame = current.processor.process(request.buffer, request.receivedAtMs);
    reply({ type: 'frame', cityVersion: request.cityVersion, frame }, frameTransferables(frame));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reply({ type: 'error', cityVersion: request.cityVersion, request: request.type, message });
  }
};
