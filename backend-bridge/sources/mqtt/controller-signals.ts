/**
 * SignalAccess over the field controllers' MQTT topics: plans and states as
 * the controllers report them, measures from the detector readings, and
 * plan changes published to a controller's command topic that count as
 * applied only once that controller acknowledges them.
 *
 * Only intersections whose controller has reported a plan are offered
 * (`nodeIds`): the bridge cannot show or change a plan it has never seen.
 */
import { randomUUID } from 'node:crypto';
import { ValidationError } from '../../protocol/validation';
import { type Movement, type SignalPlan, type SignalState, TURNS, signalStateAt } from '../../protocol/signals';
import { SourceRequestError } from '../live-source';
import type { ApproachMeasure, IntersectionMeasure, MovementMeasure, SignalAccess } from '../signal-access';
import type { SimNetwork } from '../simulator/network';
import type { LinkReadings } from './link-readings';
import type { SignalAck, SignalCommand, SignalStateReport } from './payloads';

export interface ControllerSignalsDeps {
  net: SimNetwork;
  readings: LinkReadings;
  /** Publishes a command to the controller (QoS 1); rejects when the broker did not take it. */
  publishCommand(nodeId: string, command: SignalCommand): Promise<void>;
  /** Whether the broker is reachable now: an apply without it fails at once. */
  connected(): boolean;
  /** How long an apply waits for the controller's ack, ms. */
  applyTimeoutMs: number;
  now?: () => number;
}

interface Waiting {
  nodeId: string;
  plan: SignalPlan;
  resolve(result: { effectiveSimTimeMs: number }): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class ControllerSignals implements SignalAccess {
  private readonly plans = new Map<string, SignalPlan>();
  private readonly pendingPlans = new Map<string, { plan: SignalPlan; effectiveSimTimeMs: number }>();
  private readonly states = new Map<string, SignalStateReport>();
  private readonly waiting = new Map<string, Waiting>();
  private readonly now: () => number;

  constructor(private readonly deps: ControllerSignalsDeps) {
    this.now = deps.now ?? Date.now;
  }

  // ------------------------------------------------------------ from the controllers

  /** A controller's running plan. Throws a ValidationError for a plan that does not belong on this topic. */
  onPlan(nodeId: string, plan: SignalPlan): void {
    this.signalizedNode(nodeId);
    if (plan.nodeId !== nodeId) throw new ValidationError('plan.nodeId', `must be the topic's node ${JSON.stringify(nodeId)}, got ${JSON.stringify(plan.nodeId)}`);
    this.plans.set(nodeId, plan);
    const pending = this.pendingPlans.get(nodeId);
    if (pending && pending.plan.version <= plan.version) this.pendingPlans.delete(nodeId);
  }

  onState(nodeId: string, report: SignalStateReport): void {
    this.signalizedNode(nodeId);
    this.states.set(nodeId, report);
  }

  /**
   * A controller's answer. Acks for requests this bridge is not waiting for
   * (another bridge's, or one that timed out) are ignored: returns false.
   */
  onAck(nodeId: string, ack: SignalAck): boolean {
    const waiting = this.waiting.get(ack.requestId);
    if (!waiting) return false;
    if (waiting.nodeId !== nodeId) throw new ValidationError('ack.requestId', `names a command for ${waiting.nodeId}, not ${nodeId}`);
    this.waiting.delete(ack.requestId);
    clearTimeout(waiting.timer);
    if (!ack.ok) {
      waiting.reject(new SourceRequestError('rejected', `the controller of ${nodeId} refused the plan: ${ack.reason}`));
      return true;
    }
    if (ack.effectiveTs > this.now()) this.pendingPlans.set(nodeId, { plan: waiting.plan, effectiveSimTimeMs: ack.effectiveTs });
    else this.plans.set(nodeId, waiting.plan);
    waiting.resolve({ effectiveSimTimeMs: ack.effectiveTs });
    return true;
  }

  /** Fails every apply still waiting; the source is stopping. */
  stop(): void {
    for (const [requestId, waiting] of this.waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(new SourceRequestError('rejected', `the MQTT source stopped before the controller of ${waiting.nodeId} answered`));
      this.waiting.delete(requestId);
    }
  }

  // ------------------------------------------------------------ SignalAccess

  nodeIds(): readonly string[] {
    return this.deps.net.nodes.ids.filter((id) => this.plans.has(id));
  }

  runningPlan(nodeId: string): SignalPlan {
    this.signalizedNode(nodeId);
    this.promoteDuePlan(nodeId);
    const plan = this.plans.get(nodeId);
    if (!plan) throw new RangeError(`the controller of ${nodeId} has not reported its plan yet`);
    return plan;
  }

  pending(nodeId: string): { plan: SignalPlan; effectiveSimTimeMs: number } | undefined {
    this.promoteDuePlan(nodeId);
    return this.pendingPlans.get(nodeId);
  }

  /**
   * The controller's last report, counted down to now; once that report's
   * interval is over (or it was for another plan), the plan's own timing,
   * which controllers run aligned to the epoch like the simulator does.
   */
  state(nodeId: string): SignalState {
    const plan = this.runningPlan(nodeId);
    const nowMs = this.now();
    const report = this.states.get(nodeId);
    const remainingS = report ? report.remainingS - (nowMs - report.ts) / 1000 : -1;
    if (report && report.planVersion === plan.version && report.phaseIndex < plan.phases.length && remainingS >= 0) {
      return { phaseIndex: report.phaseIndex, interval: report.interval, remainingS };
    }
    return signalStateAt(plan, nowMs / 1000);
  }

  movements(nodeId: string): Movement[] {
    const node = this.signalizedNode(nodeId);
    const { movements, links } = this.deps.net;
    const result: Movement[] = [];
    for (let m = movements.nodeStart[node]!; m < movements.nodeStart[node + 1]!; m++) {
      result.push({ id: movements.ids[m]!, inLinkId: links.ids[movements.fromLink[m]!]!, outLinkId: links.ids[movements.toLink[m]!]!, turn: TURNS[movements.turn[m]!]! });
    }
    return result;
  }

  /**
   * What the detectors on the node's approaches measure now. Turning flows
   * are the approach flow split by the city model's turning shares (field
   * detectors count links, not turns); the queue is the vehicles on the link
   * beyond those its flow puts there at free speed; delay is the time over
   * free-flow travel time, weighted by flow.
   */
  measure(nodeId: string): IntersectionMeasure {
    const node = this.signalizedNode(nodeId);
    const { net, readings } = this.deps;
    const nowMs = this.now();
    const approaches: ApproachMeasure[] = [];
    let delayVehS = 0;
    let flowVehPerH = 0;
    for (const l of net.nodes.inLinks[node]!) {
      const link = readings.link(l, nowMs);
      const lengthM = net.links.lengthM[l]!;
      const freeFlowVeh = (link.flowVehPerH / 3600) * (lengthM / net.links.freeSpeedMps[l]!);
      approaches.push({ linkId: net.links.ids[l]!, volumeVehPerH: link.flowVehPerH, queueVeh: Math.max(0, link.vehicles - freeFlowVeh) });
      if (link.measured && link.speedKmh > 0) {
        delayVehS += link.flowVehPerH * Math.max(0, lengthM / (link.speedKmh / 3.6) - lengthM / net.links.freeSpeedMps[l]!);
        flowVehPerH += link.flowVehPerH;
      }
    }
    const movements: MovementMeasure[] = [];
    for (let m = net.movements.nodeStart[node]!; m < net.movements.nodeStart[node + 1]!; m++) {
      const inLink = net.movements.fromLink[m]!;
      movements.push({
        movementId: net.movements.ids[m]!,
        flowVehPerH: readings.link(inLink, nowMs).flowVehPerH * net.movementExitShare[m]!,
        saturationFlowVehPerH: net.links.capacityVehPerS[inLink]! * 3600,
      });
    }
    return { simTimeMs: nowMs, approaches, movements, delayPerVehS: flowVehPerH > 0 ? delayVehS / flowVehPerH : 0 };
  }

  apply(plan: SignalPlan): Promise<{ effectiveSimTimeMs: number }> {
    const { nodeId } = plan;
    try {
      this.signalizedNode(nodeId);
    } catch (error) {
      return Promise.reject(new SourceRequestError('not-found', (error as Error).message));
    }
    if (!this.deps.connected()) {
      return Promise.reject(new SourceRequestError('rejected', `the MQTT broker is unreachable; the plan for ${nodeId} was not sent`));
    }
    const requestId = randomUUID();
    const timeoutS = this.deps.applyTimeoutMs / 1000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        reject(
          new SourceRequestError(
            'rejected',
            `no acknowledgement from the controller of ${nodeId} within ${timeoutS} s (request ${requestId}); the plan may not be running — check the controller before trying again`,
          ),
        );
      }, this.deps.applyTimeoutMs);
      this.waiting.set(requestId, { nodeId, plan, resolve, reject, timer });
      this.deps.publishCommand(nodeId, { requestId, plan }).catch((error: unknown) => {
        if (!this.waiting.delete(requestId)) return;
        clearTimeout(timer);
        reject(new SourceRequestError('rejected', `the plan for ${nodeId} could not be sent to the broker: ${(error as Error).message}`));
      });
    });
  }

  /** The node's index; throws RangeError for a node that is not a signalized intersection of the city. */
  private signalizedNode(nodeId: string): number {
    const node = this.deps.net.nodeIndex.get(nodeId);
    if (node === undefined || !this.deps.net.nodes.signalized[node]) throw new RangeError(`${JSON.stringify(nodeId)} is not a signalized intersection of the city`);
    return node;
  }

  private promoteDuePlan(nodeId: string): void {
    const pending = this.pendingPlans.get(nodeId);
    if (pending && pending.effectiveSimTimeMs <= this.now()) {
      this.plans.set(nodeId, pending.plan);
      this.pendingPlans.delete(nodeId);
    }
  }
}
