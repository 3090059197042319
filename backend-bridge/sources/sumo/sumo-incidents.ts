/**
 * Incidents an operator stages on a SUMO link: for its duration the edge's
 * speed limit drops to the link's free speed × the share of capacity left
 * (at least 1 m/s, so traffic still creeps through), then goes back to the
 * free speed. A lower limit is how TraCI can narrow a road without closing
 * lanes; it cuts the edge's capacity roughly, not exactly, by that share.
 *
 * Commands wait for `flush` (before a step), so an incident staged while
 * SUMO is down is applied once it runs again, and every active one is
 * applied again after a restart (SUMO starts from its own network).
 */
import type { CityMeta } from '../../protocol';
import { type SourceIncident, SourceRequestError } from '../live-source';
import type { TraciClient } from './traci';

const MIN_INCIDENT_SPEED_MPS = 1;
/** The protocol's limits on a staged incident (create-incident). */
const MAX_CAPACITY_FACTOR = 0.9;

interface ActiveIncident {
  incident: SourceIncident;
  edgeId: string;
  freeSpeedMps: number;
  /** Whether SUMO runs with the lower limit now. */
  applied: boolean;
}

export class SumoIncidents {
  private readonly linkIndex: Map<string, number>;
  private readonly active = new Map<string, ActiveIncident>();
  private count = 0;

  /** @param edgeIdOfLink SUMO's edge id of each link, indexed like `meta.links` */
  constructor(
    private readonly meta: CityMeta,
    private readonly edgeIdOfLink: readonly string[],
  ) {
    this.linkIndex = new Map(meta.links.map((link, index) => [link.id, index]));
  }

  /** Stages an incident from `simTimeMs`; refuses an unknown link, a link with one already, or values out of range. */
  add(spec: { linkId: string; capacityFactor: number; durationS: number }, simTimeMs: number): SourceIncident {
    const index = this.linkIndex.get(spec.linkId);
    if (index === undefined) throw new SourceRequestError('not-found', `unknown link id ${JSON.stringify(spec.linkId)}`);
    if (!(spec.capacityFactor >= 0 && spec.capacityFactor <= MAX_CAPACITY_FACTOR)) {
      throw new SourceRequestError('rejected', `capacityFactor must be from 0 to ${MAX_CAPACITY_FACTOR}, got ${spec.capacityFactor}`);
    }
    if (!(spec.durationS > 0 && Number.isFinite(spec.durationS))) throw new SourceRequestError('rejected', `durationS must be more than 0 s, got ${spec.durationS}`);
    const busy = [...this.active.values()].find((entry) => entry.incident.linkId === spec.linkId);
    if (busy) throw new SourceRequestError('rejected', `link ${spec.linkId} has incident ${busy.incident.id} already`);
    const incident: SourceIncident = {
      id: `sumo-incident-${++this.count}`,
      linkId: spec.linkId,
      capacityFactor: spec.capacityFactor,
      startSimTimeMs: simTimeMs,
      endSimTimeMs: simTimeMs + spec.durationS * 1000,
    };
    const freeSpeedMps = this.meta.links[index]!.freeSpeedKmh / 3.6;
    this.active.set(incident.id, { incident, edgeId: this.edgeIdOfLink[index]!, freeSpeedMps, applied: false });
    return incident;
  }

  list(): SourceIncident[] {
    return [...this.active.values()].map((entry) => ({ ...entry.incident }));
  }

  /** Sends what is due at `simTimeMs`: new limits, and free speed back where an incident ended. Resolves true when one ended. */
  async flush(traci: TraciClient, simTimeMs: number): Promise<boolean> {
    let ended = false;
    for (const [id, entry] of this.active) {
      if (entry.incident.endSimTimeMs <= simTimeMs) {
        if (entry.applied) await traci.setEdgeMaxSpeed(entry.edgeId, entry.freeSpeedMps);
        this.active.delete(id);
        ended = true;
      } else if (!entry.applied) {
        await traci.setEdgeMaxSpeed(entry.edgeId, Math.max(MIN_INCIDENT_SPEED_MPS, entry.freeSpeedMps * entry.incident.capacityFactor));
        entry.applied = true;
      }
    }
    return ended;
  }

  /** SUMO was started again with its own limits: every active incident is sent again. */
  restarted(): void {
    for (const entry of this.active.values()) entry.applied = false;
  }
}
