/**
 * SUMO's traffic lights as the bridge's signalized intersections.
 *
 * The SUMO source steps SUMO; around each step it hands this class the
 * step's subscription results (`observe`) and lets it send what is due
 * before the next one (`flush`). State is read back from SUMO's own program
 * step and next switch, so the countdown is SUMO's, never a clock of ours.
 *
 * - A plan the bridge applies becomes a program (sumo-plan-program.ts) that
 *   takes over when the running program next reaches its cycle boundary
 *   (plan phase 0's first step). There it is set and put into its step 0 at
 *   once: SUMO 1.15 would otherwise time the first step of a freshly set
 *   program on its own.
 * - Max-pressure runs MaxPressureSignal over the running plan's phases; it
 *   takes over at the running program's next green (so no yellow is cut)
 *   and shows its states with setRedYellowGreenState, only on a change.
 *   Back to 'plan', the plan's program starts over from phase 0 at once.
 * - A tlLogic that controls several junctions (a joined light) is one
 *   signalized node: the junction with the most controlled links owns the
 *   plan (signal-programs.ts); the others are not signalized nodes of their
 *   own, and the node's movements and measures include theirs.
 * - SUMO sim seconds (a light's next switch) map to the bridge's sim ms
 *   with SUMO's clock, read once after each (re)start at a flush.
 * - Measures and pressures come from lane counts. Which lanes a light's
 *   links join is read from SUMO (getControlledLinks) at the first flush of
 *   each run, since the city model only counts car lanes.
 */
import { MaxPressureSignal, type MovementQueue, phasePressure } from '../../signals/max-pressure';
import type { Movement, SignalPlan, SignalState } from '../../protocol/signals';
import { SourceRequestError } from '../live-source';
import type { Actuation, IntersectionMeasure, SignalAccess } from '../signal-access';
import type { SumoNetwork } from './network/read-sumo-network';
import type { SumoSignalProgram } from './network/signal-programs';
import { type SumoProgramShape, fileProgramShape, planProgram, programState, runningStep, secondsToBoundary } from './sumo-plan-program';
import { SignalWindow, type WatchedLink } from './sumo-signal-window';
import type { StepResults, TraciClient, TrafficLightLogic, TrafficLightReading } from './traci';

/** Discharge of one lane over a full green, veh/h (the usual planning figure). */
export const LANE_SATURATION_VEH_PER_H = 1800;

interface RunningProgram {
  plan: SignalPlan;
  shape: SumoProgramShape;
  /** Null for the file's program, which SUMO always holds. */
  logic: TrafficLightLogic | null;
}

interface NodeSignal {
  nodeId: string;
  file: SumoSignalProgram;
  running: RunningProgram;
  pending?: RunningProgram & { effectiveSimTimeMs: number; scheduledAtMs: number };
  /** Applies waiting for SUMO's clock before their boundary can be known. */
  requested: { program: RunningProgram; settle: (effectiveSimTimeMs: number) => void }[];
  /** The running program must be (re)sent and started from phase 0 at the next flush. */
  resend: boolean;
  light?: TrafficLightReading;
  /** The step the light ran before the last step, to see it reach the boundary. */
  previousStep?: number;
  actuation: Actuation;
  pressure?: MaxPressureSignal;
  /** The signal string last sent under max-pressure. */
  shownState?: string;
  /** For each movement of the node: its share of its in-link's arrivals, and the lanes it leaves from. */
  movementShares: Map<string, MovementLanes>;
}

interface MovementLanes {
  movement: Movement;
  /** Equal among the movements of one in-link: lane counts do not say where vehicles turn. */
  share: number;
  /** SUMO lanes it leaves from, once the light's controlled links were read; empty before. */
  fromLaneIds: string[];
  /** Lanes it may use: its from-lanes, or its share of the in-link's lanes before they are known. */
  lanes: number;
}

export class SumoSignals implements SignalAccess {
  private readonly nodes = new Map<string, NodeSignal>();
  private readonly order: string[];
  private readonly window: SignalWindow;
  private readonly watched = new Map<string, WatchedLink>();
  private lastSimTimeMs: number | undefined;
  /** Bridge sim ms of SUMO's time 0; read at the first flush after a (re)start. */
  private sumoEpochMs: number | undefined;
  /** Lanes subscribed in this SUMO run: the source's from lanesToSubscribe, and the ones the first flush added. */
  private subscribedLaneIds = new Set<string>();
  /** Whether the lights' controlled lanes have been read in this SUMO run. */
  private lanesRead = false;
  /** For each SUMO lane, how many of its node's movements leave from it. */
  private readonly movementsOfLane = new Map<string, number>();

  constructor(network: SumoNetwork) {
    const linkById = new Map(network.city.meta.links.map((link) => [link.id, link]));
    const watch = (linkId: string): WatchedLink => {
      let link = this.watched.get(linkId);
      if (link) return link;
      const meta = linkById.get(linkId);
      const edgeId = network.linkIds.sumoIdOf(linkId);
      if (!meta || edgeId === undefined) throw new RangeError(`movement link ${JSON.stringify(linkId)} is not a link of the SUMO city`);
      // The city counts an edge's car lanes; netgenerate-like nets number them from 0.
      const laneIds = Array.from({ length: meta.lanes }, (_, i) => `${edgeId}_${i}`);
      link = { linkId, laneIds, lengthM: meta.lengthM, freeSpeedMps: meta.freeSpeedKmh / 3.6 };
      this.watched.set(linkId, link);
      return link;
    };
    const byNode = new Map(network.programs.map((program) => [program.plan.nodeId, program]));
    this.order = network.city.meta.nodes.map((node) => node.id).filter((id) => byNode.has(id));
    for (const nodeId of this.order) {
      const file = byNode.get(nodeId)!;
      const movementsOfLink = new Map<string, number>();
      for (const m of file.movements) movementsOfLink.set(m.inLinkId, (movementsOfLink.get(m.inLinkId) ?? 0) + 1);
      const movementShares = new Map(
        file.movements.map((movement) => {
          const inLink = watch(movement.inLinkId);
          watch(movement.outLinkId);
          const share = 1 / movementsOfLink.get(movement.inLinkId)!;
          return [movement.id, { movement, share, fromLaneIds: [], lanes: inLink.laneIds.length * share }];
        }),
      );
      this.nodes.set(nodeId, {
        nodeId,
        file,
        running: { plan: file.plan, shape: fileProgramShape(file), logic: null },
        requested: [],
        resend: false,
        actuation: 'plan',
        movementShares,
      });
    }
    this.window = new SignalWindow(this.watched.values());
  }

  /**
   * Lane ids whose vehicle and halting counts it needs each step (incoming
   * and outgoing lanes of controlled links). Until the lights' controlled
   * links have been read (at the first flush) these are the city's car
   * lanes numbered from 0, which misses the top car lane where a footway
   * is lane 0; the first flush subscribes what this missed itself.
   */
  lanesToSubscribe(): string[] {
    const laneIds = this.window.laneIds();
    for (const laneId of laneIds) this.subscribedLaneIds.add(laneId);
    return laneIds;
  }

  /** Traffic-light ids it needs subscribed. */
  lightsToSubscribe(): string[] {
    return this.order.map((nodeId) => this.nodes.get(nodeId)!.file.tlId);
  }

  nodeIds(): readonly string[] {
    return this.order;
  }

  runningPlan(nodeId: string): SignalPlan {
    return this.require(nodeId).running.plan;
  }

  pending(nodeId: string): { plan: SignalPlan; effectiveSimTimeMs: number } | undefined {
    const pending = this.require(nodeId).pending;
    return pending && { plan: pending.plan, effectiveSimTimeMs: pending.effectiveSimTimeMs };
  }

  movements(nodeId: string): Movement[] {
    return this.require(nodeId).file.movements;
  }

  /**
   * Under max-pressure, its state. Otherwise SUMO's step and next switch
   * read through the running program; before SUMO's first step (or a light
   * showing a program of someone else's), phase 0's green at its full length.
   */
  state(nodeId: string): SignalState {
    const node = this.require(nodeId);
    if (node.pressure) return node.pressure.state();
    const shape = this.shownShape(node);
    const step = this.currentStep(node);
    if (!shape || !step) return { phaseIndex: 0, interval: 'green', remainingS: node.running.plan.phases[0]!.greenS };
    return programState(shape, step.stepIndex, step.remainingS);
  }

  /**
   * Per approach: volume from the vehicles that crossed the in-link over the
   * window (q = k·v, see sumo-signal-window.ts), the halting vehicles as its
   * queue. A movement gets an equal share of its in-link's arrivals (lane
   * counts do not say where vehicles turn) and 1800 veh/h for each lane it
   * may leave from (SUMO's controlled links; before the first flush has read
   * them, its share of the in-link's lanes).
   * Delay: the in-links' vehicle-seconds beyond free-speed time per vehicle
   * that crossed them.
   */
  measure(nodeId: string): IntersectionMeasure {
    const node = this.require(nodeId);
    const inLinks = [...new Set(node.file.movements.map((m) => m.inLinkId))];
    let delayVehS = 0;
    let passedVeh = 0;
    const approaches = inLinks.map((linkId) => {
      const delay = this.window.delay(linkId);
      delayVehS += delay.delayVehS;
      passedVeh += delay.passedVeh;
      return { linkId, volumeVehPerH: this.window.flowVehPerH(linkId), queueVeh: this.window.counts(linkId).haltingCount };
    });
    const movements = [...node.movementShares.values()].map(({ movement, share, lanes }) => ({
      movementId: movement.id,
      flowVehPerH: this.window.flowVehPerH(movement.inLinkId) * share,
      saturationFlowVehPerH: LANE_SATURATION_VEH_PER_H * lanes,
    }));
    return { simTimeMs: this.lastSimTimeMs ?? 0, approaches, movements, delayPerVehS: passedVeh > 0 ? delayVehS / passedVeh : 0 };
  }

  /**
   * Queues the plan for the running program's next cycle boundary and
   * resolves with it. Where no program of the running plan runs (under
   * max-pressure it becomes the plan to return to; after a restart, or with
   * a program someone else set, it is sent at the next flush) it resolves
   * with now. Before the first step after a (re)start has been observed and
   * flushed, it resolves at the first flush that knows SUMO's clock.
   */
  apply(plan: SignalPlan): Promise<{ effectiveSimTimeMs: number }> {
    const node = this.nodes.get(plan.nodeId);
    if (!node) return Promise.reject(new SourceRequestError('not-found', `node ${JSON.stringify(plan.nodeId)} is not a signalized SUMO junction`));
    for (const [i, phase] of plan.phases.entries()) {
      const unknown = phase.movementIds.find((id) => !node.movementShares.has(id));
      if (unknown !== undefined) {
        return Promise.reject(new SourceRequestError('rejected', `plan.phases[${i}].movementIds: no movement ${JSON.stringify(unknown)} at node ${plan.nodeId}`));
      }
    }
    const { logic, shape } = planProgram(plan, node.file);
    const program: RunningProgram = { plan, shape, logic };
    return new Promise((resolve) => {
      const settle = (effectiveSimTimeMs: number) => resolve({ effectiveSimTimeMs });
      if (!this.schedule(node, program, settle)) node.requested.push({ program, settle });
    });
  }

  /** Switches the node between its plan and max-pressure; the change reaches SUMO at the next green or flush. */
  setActuation(nodeId: string, actuation: Actuation): void {
    const node = this.require(nodeId);
    if (node.actuation === actuation) return;
    node.actuation = actuation;
    // A plan still waiting for its boundary is the one max-pressure times its phases by, and the one to return to.
    if (node.pending) node.running = node.pending;
    node.pending = undefined;
    node.pressure = undefined;
    node.shownState = undefined;
    if (actuation === 'plan') node.resend = true;
  }

  /** After every SUMO step: the step's subscription results and the sim time (ms since the epoch) they are for. */
  observe(step: StepResults, simTimeMs: number): void {
    const dtS = this.lastSimTimeMs !== undefined && simTimeMs > this.lastSimTimeMs ? (simTimeMs - this.lastSimTimeMs) / 1000 : 0;
    // Read at the time the last readings are for.
    for (const node of this.nodes.values()) node.previousStep = this.currentStep(node)?.stepIndex;
    this.lastSimTimeMs = simTimeMs;
    this.window.observe(step.lanes, simTimeMs);
    for (const node of this.nodes.values()) {
      const light = step.trafficLights.get(node.file.tlId);
      if (!light) continue;
      node.light = light;
      if (node.actuation !== 'maxpressure') continue;
      if (node.pressure) node.pressure.advance(dtS, () => this.pressures(node));
      else this.startPressureAtGreen(node);
    }
  }

  /** Sends what is due before the next step; awaited by the source before stepping. */
  async flush(traci: TraciClient): Promise<void> {
    if (this.sumoEpochMs === undefined && this.lastSimTimeMs !== undefined) {
      this.sumoEpochMs = this.lastSimTimeMs - (await traci.getTime()) * 1000;
    }
    if (!this.lanesRead) await this.readControlledLanes(traci);
    for (const node of this.nodes.values()) {
      for (const request of node.requested.splice(0)) {
        if (!this.schedule(node, request.program, request.settle)) node.requested.push(request);
      }
      if (node.actuation === 'maxpressure') await this.showPressureState(traci, node);
      else if (node.resend) await this.start(traci, node, node.running, 0);
      else if (node.pending && this.boundaryReached(node, node.pending)) {
        const lateS = ((this.lastSimTimeMs ?? 0) - node.pending.effectiveSimTimeMs) / 1000;
        await this.start(traci, node, node.pending, lateS);
      }
    }
  }

  /** SUMO was restarted: every light runs its file program; the plans the bridge applied (newest per node) are sent again at the next flush. */
  restarted(): void {
    this.sumoEpochMs = undefined;
    // A fresh SUMO holds none of the last run's subscriptions; the first flush subscribes whatever the source's did not cover.
    this.subscribedLaneIds = new Set();
    this.lanesRead = false;
    this.lastSimTimeMs = undefined;
    this.window.clear();
    for (const node of this.nodes.values()) {
      if (node.pending) node.running = node.pending;
      node.pending = undefined;
      node.light = undefined;
      node.previousStep = undefined;
      node.pressure = undefined;
      node.shownState = undefined;
      node.resend = node.running.logic !== null;
    }
  }

  /**
   * Reads which lanes each light's links join (SUMO knows; the city model
   * only counts car lanes), makes them the lanes of the links' sums and of
   * the movements, and subscribes any the source was not asked for.
   */
  private async readControlledLanes(traci: TraciClient): Promise<void> {
    const lanesOfLink = new Map<string, Set<string>>();
    const add = (linkId: string, laneId: string) => {
      const lanes = lanesOfLink.get(linkId) ?? new Set<string>();
      lanesOfLink.set(linkId, lanes.add(laneId));
    };
    this.movementsOfLane.clear();
    for (const node of this.nodes.values()) {
      const controlled = await traci.getControlledLinks(node.file.tlId);
      const fromLanes = new Map<string, Set<string>>();
      controlled.forEach((links, linkIndex) => {
        const movementId = node.file.linkMovementIds[linkIndex];
        const lanes = movementId ? node.movementShares.get(movementId) : undefined;
        if (!lanes) return;
        for (const { fromLane, toLane } of links) {
          add(lanes.movement.inLinkId, fromLane);
          add(lanes.movement.outLinkId, toLane);
          fromLanes.set(movementId!, (fromLanes.get(movementId!) ?? new Set<string>()).add(fromLane));
        }
      });
      for (const [movementId, laneIds] of fromLanes) {
        const lanes = node.movementShares.get(movementId)!;
        lanes.fromLaneIds = [...laneIds];
        lanes.lanes = laneIds.size;
        for (const laneId of laneIds) this.movementsOfLane.set(laneId, (this.movementsOfLane.get(laneId) ?? 0) + 1);
      }
    }
    for (const [linkId, laneIds] of lanesOfLink) {
      this.window.setLanes(linkId, [...laneIds]);
      this.watched.set(linkId, { ...this.watched.get(linkId)!, laneIds: [...laneIds] });
      for (const laneId of laneIds) {
        if (this.subscribedLaneIds.has(laneId)) continue;
        await traci.subscribeLane(laneId);
        this.subscribedLaneIds.add(laneId);
      }
    }
    this.lanesRead = true;
  }

  /** Makes `program` pending for the running program's next boundary, or running at once where none runs; false before SUMO's clock and the light are known. */
  private schedule(node: NodeSignal, program: RunningProgram, settle: (effectiveSimTimeMs: number) => void): boolean {
    const nowMs = this.lastSimTimeMs;
    if (nowMs === undefined) return false;
    const step = this.currentStep(node);
    const foreign = node.light !== undefined && this.sumoNowS() !== undefined && !step;
    if (node.actuation === 'maxpressure' || node.resend || foreign) {
      // No cycle of the running plan to wait for (max-pressure, a restarted SUMO, a program set by someone else): the new plan is what runs next.
      node.running = program;
      node.pending = undefined;
      if (node.actuation === 'plan') node.resend = true;
      settle(nowMs);
      return true;
    }
    const shape = this.shownShape(node);
    if (!shape || !step) return false;
    const effectiveSimTimeMs = nowMs + secondsToBoundary(shape, step.stepIndex, step.remainingS) * 1000;
    node.pending = { ...program, effectiveSimTimeMs, scheduledAtMs: nowMs };
    settle(effectiveSimTimeMs);
    return true;
  }

  /**
   * At the boundary: the light has just entered phase 0's first step since
   * the plan was queued (an actuated program's steps vary in length), or the
   * boundary's time has come (a coarse step went past it).
   */
  private boundaryReached(node: NodeSignal, pending: { effectiveSimTimeMs: number; scheduledAtMs: number }): boolean {
    const nowMs = this.lastSimTimeMs ?? -Infinity;
    const first = node.running.shape.phaseSteps[0]![0]!;
    const entered = nowMs > pending.scheduledAtMs && this.currentStep(node)?.stepIndex === first && node.previousStep !== first;
    return entered || nowMs >= pending.effectiveSimTimeMs;
  }

  /** Puts `program` on the light from plan phase 0, shortened by the seconds the switch came late. */
  private async start(traci: TraciClient, node: NodeSignal, program: RunningProgram, lateS: number): Promise<void> {
    const tlId = node.file.tlId;
    // setProgramLogic switches to a program SUMO did not hold yet; one it holds (sent before a max-pressure spell) is only replaced.
    if (program.logic) await traci.setProgramLogic(tlId, program.logic);
    await traci.setProgram(tlId, program.shape.programId);
    await traci.setPhase(tlId, 0);
    const firstS = program.shape.steps[0]!.durationS;
    if (lateS > 0 && lateS < firstS) await traci.setPhaseDuration(tlId, firstS - lateS);
    node.running = { plan: program.plan, shape: program.shape, logic: program.logic };
    node.pending = undefined;
    node.resend = false;
  }

  /**
   * Max-pressure starts in the phase SUMO greens now, so that no yellow or
   * all-red is cut short. After a restart SUMO runs the file's program while
   * the bridge's plan is another: it starts at that plan's phase 0.
   */
  private startPressureAtGreen(node: NodeSignal): void {
    const shape = this.shownShape(node) ?? (node.light?.programId === node.file.programId ? fileProgramShape(node.file) : undefined);
    const nowS = this.sumoNowS();
    if (!node.light || !shape || nowS === undefined) return;
    const step = runningStep(shape, node.light.phaseIndex, node.light.nextSwitchS - nowS);
    const state = programState(shape, step.stepIndex, step.remainingS);
    if (state.interval !== 'green') return;
    node.pressure = new MaxPressureSignal(node.running.plan.phases, undefined, shape === node.running.shape ? state.phaseIndex : 0);
  }

  private async showPressureState(traci: TraciClient, node: NodeSignal): Promise<void> {
    if (!node.pressure) return;
    const { phaseIndex, interval } = node.pressure.state();
    const shape = node.running.shape;
    const green = shape.steps[shape.phaseSteps[phaseIndex]![0]!]!.state;
    const state = interval === 'green' ? green : interval === 'yellow' ? green.replace(/[Gg]/g, 'y') : 'r'.repeat(green.length);
    if (state === node.shownState) return;
    await traci.setRedYellowGreenState(node.file.tlId, state);
    node.shownState = state;
  }

  /**
   * Each phase's pressure from the lane counts, per lane: a movement's
   * upstream is the vehicles on its from-lanes (a lane shared by several
   * movements split evenly among them) per lane, its downstream the
   * out-link's vehicles per lane; weighed by the lanes it may use.
   */
  private pressures(node: NodeSignal): number[] {
    const perLane = (linkId: string) => this.window.counts(linkId).vehicleCount / Math.max(1, this.watched.get(linkId)!.laneIds.length);
    const upstreamPerLane = ({ movement, fromLaneIds }: MovementLanes) => {
      if (fromLaneIds.length === 0) return perLane(movement.inLinkId);
      let vehicles = 0;
      for (const laneId of fromLaneIds) vehicles += this.window.vehiclesOnLane(laneId) / (this.movementsOfLane.get(laneId) ?? 1);
      return vehicles / fromLaneIds.length;
    };
    return node.running.plan.phases.map((phase) =>
      phasePressure(
        phase.movementIds.map((id): MovementQueue => {
          const lanes = node.movementShares.get(id)!;
          return { upstreamVeh: upstreamPerLane(lanes), downstreamVeh: perLane(lanes.movement.outLinkId), capacityLanes: lanes.lanes };
        }),
      ),
    );
  }

  /** The shape of the program the light shows now, when it is the running plan's (not after a restart or under someone else's program). */
  private shownShape(node: NodeSignal): SumoProgramShape | undefined {
    return node.light?.programId === node.running.shape.programId ? node.running.shape : undefined;
  }

  /** The step of the running plan's program SUMO runs now; undefined while another program shows or SUMO's clock is not known. */
  private currentStep(node: NodeSignal): { stepIndex: number; remainingS: number } | undefined {
    const shape = this.shownShape(node);
    const nowS = this.sumoNowS();
    if (!node.light || !shape || nowS === undefined) return undefined;
    return runningStep(shape, node.light.phaseIndex, node.light.nextSwitchS - nowS);
  }

  private sumoNowS(): number | undefined {
    return this.sumoEpochMs === undefined || this.lastSimTimeMs === undefined ? undefined : (this.lastSimTimeMs - this.sumoEpochMs) / 1000;
  }

  private require(nodeId: string): NodeSignal {
    const node = this.nodes.get(nodeId);
    if (!node) throw new RangeError(`node ${JSON.stringify(nodeId)} is not a signalized SUMO junction`);
    return node;
  }
}
