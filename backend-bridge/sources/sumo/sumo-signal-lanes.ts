/**
 * What the lanes around SUMO's traffic lights show, per signalized node:
 * the measures the bridge reads (volumes, queues, movement flows and
 * saturation flows, delay), and the lights' controlled links, which
 * max-pressure (max-pressure/) builds its light models from.
 *
 * The city model only counts an edge's car lanes, so at first the lanes
 * are taken as numbered from 0 (right for netgenerate's nets, one off where
 * a footway is lane 0). At the first flush of each SUMO run the lights'
 * controlled links are read from SUMO: from then on each link's sums read
 * exactly the lanes its lights' links join, each movement knows the lanes
 * it leaves from, and lanes the source was not asked to subscribe are
 * subscribed here.
 *
 * Lane counts do not say where vehicles turn: a movement gets an equal
 * share of its in-link's arrivals.
 */
import type { Movement } from '../../protocol/signals';
import type { IntersectionMeasure } from '../signal-access';
import type { SumoNetwork } from './network/read-sumo-network';
import type { SumoSignalProgram } from './network/signal-programs';
import { SignalWindow, type WatchedLink } from './sumo-signal-window';
import type { ControlledLink, TraciClient, TrafficReading } from './traci';

/** Discharge of one lane over a full green, veh/h (the usual planning figure). */
export const LANE_SATURATION_VEH_PER_H = 1800;

interface MovementLanes {
  movement: Movement;
  /** Equal among the movements of one in-link. */
  share: number;
  /** SUMO lanes it leaves from, once the light's controlled links were read; empty before. */
  fromLaneIds: string[];
  /** Lanes it may use: its from-lanes, or its share of the in-link's lanes before they are known. */
  lanes: number;
}

interface NodeLanes {
  tlId: string;
  /** For each link index of the light, its movement id, or null. */
  linkMovementIds: readonly (string | null)[];
  inLinkIds: string[];
  movements: Map<string, MovementLanes>;
  /** The light's controlled links as SUMO gave them in this run; undefined before they are read. */
  controlled?: ControlledLink[][];
}

export class SignalLanes {
  private readonly nodes = new Map<string, NodeLanes>();
  private readonly watched = new Map<string, WatchedLink>();
  private readonly window: SignalWindow;
  /** Lanes subscribed in this SUMO run: the source's, from laneIdsToSubscribe, and the ones added here. */
  private subscribedLaneIds = new Set<string>();
  /** Whether the lights' controlled links have been read in this SUMO run. */
  private linksRead = false;

  /** `programs`: the file programs of the signalized nodes. */
  constructor(network: SumoNetwork, programs: readonly SumoSignalProgram[]) {
    const linkById = new Map(network.city.meta.links.map((link) => [link.id, link]));
    const watch = (linkId: string): WatchedLink => {
      let link = this.watched.get(linkId);
      if (link) return link;
      const meta = linkById.get(linkId);
      const edgeId = network.linkIds.sumoIdOf(linkId);
      if (!meta || edgeId === undefined) throw new RangeError(`movement link ${JSON.stringify(linkId)} is not a link of the SUMO city`);
      link = { linkId, laneIds: Array.from({ length: meta.lanes }, (_, i) => `${edgeId}_${i}`), lengthM: meta.lengthM, freeSpeedMps: meta.freeSpeedKmh / 3.6 };
      this.watched.set(linkId, link);
      return link;
    };
    for (const program of programs) {
      const movementsOfLink = new Map<string, number>();
      for (const m of program.movements) movementsOfLink.set(m.inLinkId, (movementsOfLink.get(m.inLinkId) ?? 0) + 1);
      const movements = new Map(
        program.movements.map((movement): [string, MovementLanes] => {
          const inLink = watch(movement.inLinkId);
          watch(movement.outLinkId);
          const share = 1 / movementsOfLink.get(movement.inLinkId)!;
          return [movement.id, { movement, share, fromLaneIds: [], lanes: inLink.laneIds.length * share }];
        }),
      );
      this.nodes.set(program.plan.nodeId, { tlId: program.tlId, linkMovementIds: program.linkMovementIds, inLinkIds: [...movementsOfLink.keys()], movements });
    }
    this.window = new SignalWindow(this.watched.values());
  }

  /** The lanes the sums read; the source subscribes them (see the header for how they are first guessed). */
  laneIdsToSubscribe(): string[] {
    const laneIds = this.window.laneIds();
    for (const laneId of laneIds) this.subscribedLaneIds.add(laneId);
    return laneIds;
  }

  hasMovement(nodeId: string, movementId: string): boolean {
    return this.require(nodeId).movements.has(movementId);
  }

  observe(lanes: ReadonlyMap<string, TrafficReading>, simTimeMs: number): void {
    this.window.observe(lanes, simTimeMs);
  }

  /** A fresh SUMO: no samples, no subscriptions of ours, links to read again. */
  restarted(): void {
    this.window.clear();
    this.subscribedLaneIds = new Set();
    this.linksRead = false;
    for (const node of this.nodes.values()) node.controlled = undefined;
  }

  /** The node's light's controlled links (lanes per link index), once read in this SUMO run. */
  controlledLinks(nodeId: string): readonly (readonly ControlledLink[])[] | undefined {
    return this.require(nodeId).controlled;
  }

  /** Subscribes the lanes of `laneIds` not subscribed yet in this SUMO run. */
  async subscribeLanes(traci: TraciClient, laneIds: Iterable<string>): Promise<void> {
    for (const laneId of laneIds) {
      if (this.subscribedLaneIds.has(laneId)) continue;
      await traci.subscribeLane(laneId);
      this.subscribedLaneIds.add(laneId);
    }
  }

  /**
   * Reads which lanes each light's links join, once per SUMO run, makes them
   * the lanes of the links' sums and of the movements, and subscribes any
   * the source was not asked for.
   */
  async readControlledLinks(traci: TraciClient): Promise<void> {
    if (this.linksRead) return;
    const lanesOfLink = new Map<string, Set<string>>();
    const add = (linkId: string, laneId: string) => lanesOfLink.set(linkId, (lanesOfLink.get(linkId) ?? new Set<string>()).add(laneId));
    for (const node of this.nodes.values()) {
      const controlled = await traci.getControlledLinks(node.tlId);
      node.controlled = controlled;
      const fromLanes = new Map<MovementLanes, Set<string>>();
      controlled.forEach((links, linkIndex) => {
        const movementId = node.linkMovementIds[linkIndex];
        const lanes = movementId ? node.movements.get(movementId) : undefined;
        if (!lanes) return;
        for (const { fromLane, toLane } of links) {
          add(lanes.movement.inLinkId, fromLane);
          add(lanes.movement.outLinkId, toLane);
          fromLanes.set(lanes, (fromLanes.get(lanes) ?? new Set<string>()).add(fromLane));
        }
      });
      for (const [lanes, laneIds] of fromLanes) {
        lanes.fromLaneIds = [...laneIds];
        lanes.lanes = laneIds.size;
      }
    }
    for (const [linkId, laneIds] of lanesOfLink) {
      this.window.setLanes(linkId, [...laneIds]);
      this.watched.set(linkId, { ...this.watched.get(linkId)!, laneIds: [...laneIds] });
      await this.subscribeLanes(traci, laneIds);
    }
    this.linksRead = true;
  }

  /**
   * Per approach: volume from the vehicles that crossed the in-link over the
   * window (q = k·v, see sumo-signal-window.ts), its halting vehicles as the
   * queue. A movement's flow is its share of its in-link's; its saturation
   * flow 1800 veh/h per lane it may use. Delay: the in-links' vehicle-seconds
   * beyond free-speed time per vehicle that crossed them.
   */
  measure(nodeId: string, simTimeMs: number): IntersectionMeasure {
    const node = this.require(nodeId);
    let delayVehS = 0;
    let passedVeh = 0;
    const approaches = node.inLinkIds.map((linkId) => {
      const delay = this.window.delay(linkId);
      delayVehS += delay.delayVehS;
      passedVeh += delay.passedVeh;
      return { linkId, volumeVehPerH: this.window.flowVehPerH(linkId), queueVeh: this.window.counts(linkId).haltingCount };
    });
    const movements = [...node.movements.values()].map(({ movement, share, lanes }) => ({
      movementId: movement.id,
      flowVehPerH: this.window.flowVehPerH(movement.inLinkId) * share,
      saturationFlowVehPerH: LANE_SATURATION_VEH_PER_H * lanes,
    }));
    return { simTimeMs, approaches, movements, delayPerVehS: passedVeh > 0 ? delayVehS / passedVeh : 0 };
  }

  private require(nodeId: string): NodeLanes {
    const node = this.nodes.get(nodeId);
    if (!node) throw new RangeError(`node ${JSON.stringify(nodeId)} is not a signalized SUMO junction`);
    return node;
  }
}
