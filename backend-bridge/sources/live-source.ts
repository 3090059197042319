/**
 * What every data source (simulator, MQTT, replay) hands the bridge: the same
 * normalised events, whatever produced them. The bridge encodes, stores and
 * fans them out; a source knows nothing of clients or sockets.
 */
import type { DistrictTraffic } from '../protocol';

/** Per-link traffic, every array indexed like CityMeta.links, in physical units (not yet quantised). */
export interface LinkTraffic {
  simTimeMs: number;
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

/** Callbacks a source calls; each may be called at any rate the source has. */
export interface LiveSink {
  linkTraffic(traffic: LinkTraffic): void;
  areaTraffic(traffic: AreaTraffic): void;
  clock(clock: SourceClock): void;
  incidents(incidents: SourceIncident[]): void;
}

/** Thrown by a source for a request it cannot carry out; `code` goes to the client as the error code. */
export class SourceRequestError extends Error {
  constructor(
    readonly code: 'not-found' | 'rejected',
    message: string,
  ) {
    super(message);
    this.name = 'SourceRequestError';
  }
}

export interface LiveSource {
  /** Reported to clients in `welcome.source`, e.g. `simulator`. */
  readonly name: string;
  start(sink: LiveSink): void;
  stop(): void;
  /** Changes the sim clock; live sources reject it with SourceRequestError. */
  setClock(change: { speedFactor?: number; paused?: boolean }): void;
  /** Stages an incident on a link; sources that cannot reject it with SourceRequestError. */
  createIncident(spec: { linkId: string; capacityFactor: number; durationS: number }): void;
}
