/**
 * The main thread's side of the traffic worker: one worker for the app's
 * lifetime, fed the city once per city version and then frame by frame.
 */
import type { CityTrafficModel } from './traffic-frame-processor';
import type { TrafficWorkerReply, TrafficWorkerRequest } from './traffic-worker-protocol';

export interface TrafficDecoder {
  /** Builds the geometry for a city; a `geometry` reply follows. */
  setCity(cityVersion: string, city: CityTrafficModel): void;
  /** Decodes one frame; `buffer` is transferred (left empty here). A `frame` or `error` reply follows. */
  decode(cityVersion: string, buffer: ArrayBuffer, receivedAtMs: number): void;
  destroy(): void;
}

export type TrafficReplyHandler = (reply: TrafficWorkerReply) => void;

/** Starts the traffic worker; replies, in request order, go to `onReply`. */
export function startTrafficWorker(onReply: TrafficReplyHandler, onFailure: (message: string) => void): TrafficDecoder {
  const worker = new Worker(new URL('./traffic.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<TrafficWorkerReply>) => onReply(event.data);
  worker.onerror = (event) => onFailure(`traffic worker failed: ${event.message}`);
  const post = (request: TrafficWorkerRequest, transfer: Transferable[] = []) => worker.postMessage(request, transfer);
  return {
    setCity: (cityVersion, city) => post({ type: 'city', cityVersion, city }),
    decode: (cityVersion, buffer, receivedAtMs) => post({ type: 'frame', cityVersion, buffer, receivedAtMs }, [buffer]),
    destroy: () => worker.terminate(),
  };
}
