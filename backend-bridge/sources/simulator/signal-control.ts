/**
 * Runs the signal plans: keeps each movement's gate (open on green and
 * yellow, shut on red) in step with sim time, and swaps in replacement plans
 * safely.
 *
 * A new plan takes over at the next cycle boundary of the running plan —
 * the end of its last all-red, when every movement is held. It starts with
 * its phase 0 green and holds that green ("dwells") until its own
 * epoch-aligned cycle comes round, so it runs on its offset from then on
 * without ever cutting a green or a clearance short.
 */
import { type SignalPlan, type SignalState, positiveModulo, signalStateAt } from '../../protocol/signals';
import { ValidationError } from '../../protocol/validation';
import type { SimNetwork } from './network';

/** Tolerance when comparing sim instants, seconds. */
const EPSILON_S = 1e-6;

interface CompiledPlan {
  plan: SignalPlan;
  /** Movement indices with right of way in each phase. */
  phaseMovements: Int32Array[];
}

interface NodeControl {
  node: number;
  active: CompiledPlan;
  /** While sim time is before this, phase 0 is held green while a new plan aligns; −Infinity when not dwelling. */
  dwellUntilS: number;
  pending: CompiledPlan | undefined;
  /** When the pending plan takes over, sim seconds. */
  switchAtS: number;
  /** The gates of this node need recomputing at this sim time, seconds. */
  nextChangeS: number;
}

export class SignalControl {
  /** Per movement: 1 while it may flow, 0 while it is held. Unsignalized nodes' movements are always 1. */
  readonly gates: Uint8Array;
  private readonly controls: (NodeControl | undefined)[];
  private readonly scratch: SignalState = { phaseIndex: 0, interval: 'green', remainingS: 0 };

  /** @param plans a valid plan for every signalized node that has movements, keyed by node index */
  constructor(
    private readonly net: SimNetwork,
    plans: ReadonlyMap<number, SignalPlan>,
  ) {
    this.gates = new Uint8Array(net.movements.count).fill(1);
    this.controls = Array.from({ length: net.nodes.count }, (_, node): NodeControl | undefined => {
      const plan = plans.get(node);
      if (!plan) return undefined;
      const active = this.compile(node, plan, `plans[${net.nodes.ids[node]}]`);
      return { node, active, dwellUntilS: -Infinity, pending: undefined, switchAtS: Infinity, nextChangeS: -Infinity };
    });
  }

  /** Brings every gate up to sim time `simTimeS` (seconds since the epoch). Call before each step. */
  update(simTimeS: number): void {
    for (const control of this.controls) {
      if (!control || simTimeS + EPSILON_S < control.nextChangeS) continue;
      this.switchIfDue(control, simTimeS);
      const state = this.stateOf(control, simTimeS, this.scratch);
      this.setGates(control, state);
      control.nextChangeS = Math.min(simTimeS + state.remainingS, control.pending ? control.switchAtS : Infinity);
    }
  }

  /** What the node shows at `simTimeS`. */
  state(node: number, simTimeS: number): SignalState {
    const control = this.require(node);
    this.switchIfDue(control, simTimeS);
    return this.stateOf(control, simTimeS, { phaseIndex: 0, interval: 'green', remainingS: 0 });
  }

  /** The plan the node runs now. */
  runningPlan(node: number, simTimeS: number): SignalPlan {
    const control = this.require(node);
    this.switchIfDue(control, simTimeS);
    return control.active.plan;
  }

  /** The plan waiting for the running plan's cycle boundary, and that boundary (sim seconds); undefined when none waits. */
  pendingPlan(node: number, simTimeS: number): { plan: SignalPlan; switchAtS: number } | undefined {
    const control = this.require(node);
    this.switchIfDue(control, simTimeS);
    return control.pending && { plan: control.pending.plan, switchAtS: control.switchAtS };
  }

  /** The node's newest plan: the one waiting for the cycle boundary if there is one, else the running one. */
  plan(node: number): SignalPlan {
    const control = this.require(node);
    return (control.pending ?? control.active).plan;
  }

  /**
   * Queues a replacement plan for the node, taking over at the next cycle
   * boundary after `simTimeS`. The plan must name this node and use only
   * its movements (the bridge's plan service checked everything else, the
   * version rule included). Throws a ValidationError naming what is wrong.
   */
  setPlan(node: number, plan: SignalPlan, simTimeS: number): SignalPlan {
    const control = this.require(node);
    const nodeId = this.net.nodes.ids[node]!;
    if (plan.nodeId !== nodeId) {
      throw new ValidationError('plan.nodeId', `expected ${JSON.stringify(nodeId)}, got ${JSON.stringify(plan.nodeId)}`);
    }
    control.pending = this.compile(node, plan, 'plan');
    control.switchAtS = this.nextBoundaryS(control, simTimeS);
    control.nextChangeS = Math.min(control.nextChangeS, control.switchAtS);
    return plan;
  }

  private require(node: number): NodeControl {
    const control = this.controls[node];
    if (!control) throw new RangeError(`node ${this.net.nodes.ids[node] ?? node} has no signal plan`);
    return control;
  }

  private compile(node: number, plan: SignalPlan, path: string): CompiledPlan {
    const { movementIndex, movements } = this.net;
    const first = movements.nodeStart[node]!;
    const end = movements.nodeStart[node + 1]!;
    const phaseMovements = plan.phases.map((phase, i) =>
      Int32Array.from(phase.movementIds, (id, j) => {
        const m = movementIndex.get(id);
        if (m === undefined || m < first || m >= end) {
          const reason = `no movement ${JSON.stringify(id)} at node ${plan.nodeId}`;
          throw new ValidationError(`${path}.phases[${i}].movementIds[${j}]`, reason);
        }
        return m;
      }),
    );
    return { plan, phaseMovements };
  }

  /** The first instant at or after `simTimeS` when the running plan has just finished a cycle. */
  private nextBoundaryS(control: NodeControl, simTimeS: number): number {
    const { cycleS, offsetS } = control.active.plan;
    // A dwell is phase 0 green: the cycle it leads into must run to its end first.
    if (simTimeS < control.dwellUntilS) return control.dwellUntilS + cycleS;
    return simTimeS + positiveModulo(offsetS - simTimeS, cycleS);
  }

  private switchIfDue(control: NodeControl, simTimeS: number): void {
    if (!control.pending || simTimeS + EPSILON_S < control.switchAtS) return;
    const atS = control.switchAtS;
    control.active = control.pending;
    control.pending = undefined;
    control.switchAtS = Infinity;
    const { cycleS, offsetS } = control.active.plan;
    const dwellS = positiveModulo(offsetS - atS, cycleS);
    control.dwellUntilS = dwellS > EPSILON_S && cycleS - dwellS > EPSILON_S ? atS + dwellS : -Infinity;
  }

  private stateOf(control: NodeControl, simTimeS: number, result: SignalState): SignalState {
    if (simTimeS < control.dwellUntilS) {
      result.phaseIndex = 0;
      result.interval = 'green';
      result.remainingS = control.dwellUntilS - simTimeS + control.active.plan.phases[0]!.greenS;
      return result;
    }
    return signalStateAt(control.active.plan, simTimeS, result);
  }

  private setGates(control: NodeControl, state: SignalState): void {
    const { nodeStart } = this.net.movements;
    this.gates.fill(0, nodeStart[control.node], nodeStart[control.node + 1]);
    if (state.interval === 'all-red') return;
    for (const m of control.active.phaseMovements[state.phaseIndex]!) this.gates[m] = 1;
  }
}
