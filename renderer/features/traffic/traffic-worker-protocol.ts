/**
 * Messages between the traffic store and the traffic worker. Every reply
 * names the city version it was made for, so the store can drop replies
 * that arrive after the city changed.
 */
import type { CityTrafficModel, ProcessedTrafficFrame, TrafficGeometry } from './traffic-frame-processor';

export type TrafficWorkerRequest =
  /** The city to decode frames for; replaces any earlier one. */
  | { type: 'city'; cityVersion: string; city: CityTrafficModel }
  /** One binary traffic frame, transferred; `receivedAtMs` on the main thread's performance clock. */
  | { type: 'frame'; cityVersion: string; buffer: ArrayBuffer; receivedAtMs: number };

export type TrafficWorkerReply =
  | { type: 'geometry'; cityVersion: string; geometry: TrafficGeometry }
  | { type: 'frame'; cityVersion: string; frame: ProcessedTrafficFrame }
  /** A request failed; `request` says which kind, `message` what was wrong. */
  | { type: 'error'; cityVersion: string; request: TrafficWorkerRequest['type']; message: string };
