/**
 * What every data source (simulator, MQTT, replay) hands the bridge: the same
 * normalised events, whatever produced them. The bridge encodes, stores and
 * fans them out; a source knows nothing of clients or sockets.
 */
import type { DeviceStatus, DistrictTraffic } from '../protocol';
import type { EventKinds, SinkOf } from '../core/event-bus';
import { RequestError } from '../core/request-error';
import type { SignalAccess } from './signal-access';

/** Per-link traffic, every array indexed like CityMeta.links, in physical units (not yet quantised). */
export interface LinkTraffic {
  simTimeMs: number;
  /**
   * The frame's sequence number when the source has its own (a replay keeps
   * the recorded ones, also after a seek); absent, the bridge numbers frames.
   */
  seq?: number;
  speedKmh: Float32Array;
  densityVehPerKmLane: Float32Array;
  flowVehPerH: Float32Array;
  /** Index into CONGESTION_LEVELS. */
  level: Uint8Array;
}

export interface AreaTraffic {
  simTimeMs: number;
  city: Omit<DistrictTraffic, 'districtId'>;
  districts: DistrictTraffic[];
}

export interface SourceClock {
  simTimeMs: number;
  /** Speed asked for, sim seconds per wall second (1 for live sources). */
  speedFactor: number;
  /** Speed achieved lately; 0 while paused. */
  achievedSpeedFactor: number;
  paused: boolean;
}

export interface SourceIncident {
  id: string;
  linkId: string;
  /** Share of the link's capacity left, 0–1. */
  capacityFactor: number;
  startSimTimeMs: number;
  endSimTimeMs: number;
}

/** A device's health and latest measurement, as the source last heard it. */
export interface DeviceUpdate {
  deviceId: string;
  status: DeviceStatus;
  /** Wall time the device was last heard from, ms since the epoch. */
  lastSeenAtMs: number;
  /** Its latest measurement, e.g. a detector's speed; absent for devices that measure nothing. */
  reading?: { quantity: string; value: number; unit: string; simTimeMs: number };
}

/** How the source's own upstream is doing, for the UI's source indicator and the health endpoint. */
export interface SourceHealth {
  /** `live`: data arriving; `stale`: connected but quiet longer than expected; `down`: upstream unreachable. */
  state: 'live' | 'stale' | 'down';
  /** Wall time of the last message from upstream, ms since the epoch; null before the first. */
  lastMessageAtMs: number | null;
  /** Reconnections to upstream since start. */
  reconnects: number;
  /** Payloads refused since start, per channel (e.g. MQTT topic filter), with the latest reason. */
  rejected: { channel: string; count: number; lastReason: string }[];
}

/**
 * Every kind of live event and its payload. A source emits through a
 * `LiveSink`, the bridge's event bus delivers to whoever subscribed.
 */
export interface LiveEvents {
  linkTraffic: LinkTraffic;
  areaTraffic: AreaTraffic;
  clock: SourceClock;
  incidents: SourceIncident[];
  /** Devices whose status or reading changed; sources without device data never emit it. */
  devices: DeviceUpdate[];
  /** The source's upstream health, when it changes and about every few seconds. */
  health: SourceHealth;
  /** An alert from the field, already parsed and checked by the source. */
  alert: SourceAlert;
}

/** Each kind named once, for the event bus; a kind missing here does not compile. */
export const LIVE_EVENT_KINDS: EventKinds<LiveEvents> = {
  linkTraffic: true,
  areaTraffic: true,
  clock: true,
  incidents: true,
  devices: true,
  health: true,
  alert: true,
};

/** What a source emits into: one method per event kind, called at any rate the source has. */
export type LiveSink = SinkOf<LiveEvents>;

/** A subscriber to some live events. */
export type LiveListener = Partial<LiveSink>;

/** A field alert: a CAP 1.2 document as received, or the project's own JSON alert draft. */
export type SourceAlert = { format: 'cap'; xml: string; channel: string } | { format: 'json'; draft: unknown; channel: string };

/** Thrown by a source for a request it cannot carry out; `code` goes to the client as the error code. */
export class SourceRequestError extends RequestError {
  override name = 'SourceRequestError';
  constructor(code: 'not-found' | 'rejected', message: string) {
    super(code, message);
  }
}

export interface LiveSource {
  /** Reported to clients in `welcome.source`, e.g. `simulator`. */
  readonly name: string;
  /** Signal plans and intersection measurements, for sources that have signalized intersections. */
  readonly signals?: SignalAccess;
  start(sink: LiveSink): void;
  stop(): void;
  /** Changes the sim clock; live sources reject it with SourceRequestError. */
  setClock(change: { speedFactor?: number; paused?: boolean }): void;
  /** Stages an incident on a link; sources that cannot reject it with SourceRequestError. */
  createIncident(spec: { linkId: string; capacityFactor: number; durationS: number }): void;
  /** Moves a recorded stream to a sim time, ms since the epoch; only a replay has it. */
  seek?(simTimeMs: number): void;
}
