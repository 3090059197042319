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
 * - Max-pressure runs the method the RESCO benchmark measures
 *   (max-pressure/pressure-light.ts) on the distinct greens of the running
 *   plan's program; it takes over at that program's next green (so no
 *   yellow is cut) and shows its states with setRedYellowGreenState, only on
 *   a change. Its lanes are those of the light's controlled links, read from
 *   SUMO at the first flush; its feeder edges are among the edges the source
 *   subscribes for every link. Back to 'plan', the plan's program starts
 *   over from phase 0 at once.
 * - A tlLogic that controls several junctions (a joined light) is one
 *   signalized node: the junction with the most controlled links owns the
 *   plan (signal-programs.ts); the others are not signalized nodes of their
 *   own, and the node's movements and measures include theirs.
 * - SUMO sim seconds (a light's next switch) map to the bridge's sim ms
 *   with SUMO's clock, read once after each (re)start at a flush.
 * - Measures come from lane counts (sumo-signal-lanes.ts).
 */
import type { Movement, SignalPlan, SignalState } from '../../protocol/signals';
import { SourceRequestError } from '../live-source';
import type { Actuation, IntersectionMeasure } from '../signal-access';
import { type ApproachGraph, approachGraph, roadsOfNet } from './max-pressure/approaches';
import { lightModel, phaseShowing } from './max-pressure/light-phases';
import { PressureLight } from './max-pressure/pressure-light';
import type { SumoSignalDriver } from './sumo-signal-driver';
import type { SumoNetwork } from './network/read-sumo-network';
import type { SumoSignalProgram } from './network/signal-programs';
import { type SumoProgramShape, fileProgramShape, planProgram, programState, runningStep, secondsToBoundary } from './sumo-plan-program';
import { SignalLanes } from './sumo-signal-lanes';
import type { StepResults, TraciClient, TrafficLightLogic, TrafficLightReading } from './traci';

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
  pressure?: PressureLight;
  /** Whether the lanes max-pressure reads at this light are subscribed in this SUMO run. */
  pressureLanesSubscribed: boolean;
  /** The signal string last sent under max-pressure. */
  shownState?: string;
}

export class SumoSignals implements SumoSignalDriver {
  private readonly nodes = new Map<string, NodeSignal>();
  private readonly order: string[];
  private readonly lanes: SignalLanes;
  private readonly approaches: ApproachGraph;
  private lastSimTimeMs: number | undefined;
  /** Bridge sim ms of SUMO's time 0; read at the first flush after a (re)start. */
  private sumoEpochMs: number | undefined;

  constructor(network: SumoNetwork) {
    const byNode = new Map(network.programs.map((program) => [program.plan.nodeId, program]));
    this.order = network.city.meta.nodes.map((node) => node.id).filter((id) => byNode.has(id));
    for (const nodeId of this.order) {
      const file = byNode.get(nodeId)!;
      this.nodes.set(nodeId, {
        nodeId,
        file,
        running: { plan: file.plan, shape: fileProgramShape(file), logic: null },
        requested: [],
        resend: false,
        actuation: 'plan',
        pressureLanesSubscribed: false,
      });
    }
    this.lanes = new SignalLanes(network, this.order.map((nodeId) => this.nodes.get(nodeId)!.file));
    this.approaches = approachGraph(roadsOfNet(network.net));
  }

  /**
   * Lane ids whose vehicle and halting counts it needs each step (incoming
   * and outgoing lanes of controlled links). Before the first flush of a run
   * these are guessed; that flush subscribes any the guess missed itself
   * (see sumo-signal-lanes.ts), and later calls return the exact lanes.
   */
  lanesToSubscribe(): string[] {
    return this.lanes.laneIdsToSubscribe();
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
    if (node.pressure) {
      const { phaseIndex, interval, remainingS } = node.pressure.state();
      return { phaseIndex: node.pressure.light.phases[phaseIndex]!.planPhaseIndex, interval, remainingS };
    }
    const shape = this.shownShape(node);
    const step = this.currentStep(node);
    if (!shape || !step) return { phaseIndex: 0, interval: 'green', remainingS: node.running.plan.phases[0]!.greenS };
    return programState(shape, step.stepIndex, step.remainingS);
  }

  /** See SignalLanes.measure. */
  measure(nodeId: string): IntersectionMeasure {
    this.require(nodeId);
    return this.lanes.measure(nodeId, this.lastSimTimeMs ?? 0);
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
      const unknown = phase.movementIds.find((id) => !this.lanes.hasMovement(plan.nodeId, id));
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
    this.lanes.observe(step.lanes, simTimeMs);
    for (const node of this.nodes.values()) {
      const light = step.trafficLights.get(node.file.tlId);
      if (!light) continue;
      node.light = light;
      if (node.actuation !== 'maxpressure') continue;
      if (node.pressure) node.pressure.advance(dtS, step);
      else this.startPressureAtGreen(node);
    }
  }

  /** Sends what is due before the next step; awaited by the source before stepping. */
  async flush(traci: TraciClient): Promise<void> {
    if (this.sumoEpochMs === undefined && this.lastSimTimeMs !== undefined) {
      this.sumoEpochMs = this.lastSimTimeMs - (await traci.getTime()) * 1000;
    }
    await this.lanes.readControlledLinks(traci);
    for (const node of this.nodes.values()) {
      for (const request of node.requested.splice(0)) {
        if (!this.schedule(node, request.program, request.settle)) node.requested.push(request);
      }
      if (node.actuation === 'maxpressure') await this.flushPressure(traci, node);
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
    this.lastSimTimeMs = undefined;
    this.lanes.restarted();
    for (const node of this.nodes.values()) {
      if (node.pending) node.running = node.pending;
      node.pending = undefined;
      node.light = undefined;
      node.previousStep = undefined;
      node.pressure = undefined;
      node.pressureLanesSubscribed = false;
      node.shownState = undefined;
      node.resend = node.running.logic !== null;
    }
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
   * the bridge's plan is another: it starts at that plan's first green. It
   * waits for the light's controlled links (read at a flush) and for a step
   * read with its lanes subscribed.
   */
  private startPressureAtGreen(node: NodeSignal): void {
    const shape = this.shownShape(node) ?? (node.light?.programId === node.file.programId ? fileProgramShape(node.file) : undefined);
    const nowS = this.sumoNowS();
    const links = this.lanes.controlledLinks(node.nodeId);
    if (!node.light || !shape || nowS === undefined || !links || !node.pressureLanesSubscribed) return;
    const step = runningStep(shape, node.light.phaseIndex, node.light.nextSwitchS - nowS);
    const state = programState(shape, step.stepIndex, step.remainingS);
    if (state.interval !== 'green') return;
    const { plan, shape: runningShape } = node.running;
    const light = lightModel({ tlId: node.file.tlId, plan, steps: runningShape.steps, phaseSteps: runningShape.phaseSteps }, links);
    if (!light) return;
    const startPhase = shape === runningShape ? phaseShowing(light, runningShape.steps[step.stepIndex]!.state) : -1;
    node.pressure = new PressureLight(light, this.approaches, Math.max(0, startPhase));
  }

  /** Subscribes the lanes max-pressure reads once the light's links are known, and shows its state. */
  private async flushPressure(traci: TraciClient, node: NodeSignal): Promise<void> {
    const links = this.lanes.controlledLinks(node.nodeId);
    if (links && !node.pressureLanesSubscribed) {
      await this.lanes.subscribeLanes(traci, links.flat().flatMap(({ fromLane, toLane }) => [fromLane, toLane]));
      node.pressureLanesSubscribed = true;
    }
    if (!node.pressure) return;
    const state = node.pressure.shownState();
    if (state === node.shownState) return;
    await traci.setRedYellowGreenState(node.file.tlId, state);
    node.shownState = state;
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
