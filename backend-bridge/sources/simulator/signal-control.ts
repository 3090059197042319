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
 *
 * A node may instead run under max-pressure (signals/max-pressure.ts): the
 * phases of the plan running when it was switched on, each with that plan's
 * minimum green, yellow and all-red, picked every few seconds by pressure.
 * A plan applied meanwhile waits. Back on its plan, the node first finishes
 * into phase 0 (the rule is told phase 0 wins, so it shows the clearance of
 * whatever it serves), then holds phase 0 green until the plan's own cycle
 * comes round — the same dwell a new plan makes — and runs on its clock.
 */
import { type SignalPlan, type SignalState, positiveModulo, signalStateAt } from '../../protocol/signals';
import { ValidationError } from '../../protocol/validation';
import type { Actuation } from '../signal-access';
import { MaxPressureSignal, clearanceTiming } from '../../signals/max-pressure';
import type { SimNetwork } from './network';

/**
 * Pressure of each phase now, one per entry of `phaseMovements` (movement
 * indices with right of way), written into `result`.
 */
export type PhasePressures = (phaseMovements: readonly Int32Array[], result: number[]) => number[];

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
  /** Set while max-pressure picks the phases. */
  pressure: PressureRun | undefined;
}

interface PressureRun {
  signal: MaxPressureSignal;
  /** The plan whose phases it serves: the one running when max-pressure was switched on. */
  phases: CompiledPlan;
  /** Sim time the signal has been advanced to, seconds. */
  atS: number;
  /** Going back to the plan: phase 0 is made to win, and the plan takes over once it shows green. */
  returning: boolean;
  /** Scratch for the phases' pressures. */
  pressures: number[];
}

export class SignalControl {
  /** Per movement: 1 while it may flow, 0 while it is held. Unsignalized nodes' movements are always 1. */
  readonly gates: Uint8Array;
  private readonly controls: (NodeControl | undefined)[];
  private readonly scratch: SignalState = { phaseIndex: 0, interval: 'green', remainingS: 0 };

  /**
   * @param plans a valid plan for every signalized node that has movements, keyed by node index
   * @param phasePressures what max-pressure weighs, read at its decision instants only
   */
  constructor(
    private readonly net: SimNetwork,
    plans: ReadonlyMap<number, SignalPlan>,
    private readonly phasePressures: PhasePressures,
  ) {
    this.gates = new Uint8Array(net.movements.count).fill(1);
    this.controls = Array.from({ length: net.nodes.count }, (_, node): NodeControl | undefined => {
      const plan = plans.get(node);
      if (!plan) return undefined;
      const active = this.compile(node, plan, `plans[${net.nodes.ids[node]}]`);
      return { node, active, dwellUntilS: -Infinity, pending: undefined, switchAtS: Infinity, nextChangeS: -Infinity, pressure: undefined };
    });
  }

  /** Brings every gate up to sim time `simTimeS` (seconds since the epoch). Call before each step. */
  update(simTimeS: number): void {
    for (const control of this.controls) {
      if (!control) continue;
      if (control.pressure) {
        this.advancePressure(control, control.pressure, simTimeS);
        continue;
      }
      if (simTimeS + EPSILON_S < control.nextChangeS) continue;
      this.switchIfDue(control, simTimeS);
      const state = this.stateOf(control, simTimeS, this.scratch);
      this.setGates(control, state);
      control.nextChangeS = Math.min(simTimeS + state.remainingS, control.pending ? control.switchAtS : Infinity);
    }
  }

  /** What the node shows at `simTimeS`. */
  state(node: number, simTimeS: number): SignalState {
    const control = this.require(node);
    if (control.pressure) return control.pressure.signal.state();
    this.switchIfDue(control, simTimeS);
    return this.stateOf(control, simTimeS, { phaseIndex: 0, interval: 'green', remainingS: 0 });
  }

  /** Who picks the node's phases now; 'plan' also while max-pressure is still finishing into the plan. */
  actuation(node: number): Actuation {
    const pressure = this.require(node).pressure;
    return pressure && !pressure.returning ? 'maxpressure' : 'plan';
  }

  /**
   * Hands the node's phases to max-pressure from `simTimeS` on, starting
   * from the phase it shows now, or hands them back to its plan. Asking for
   * what the node already does changes nothing.
   */
  setActuation(node: number, actuation: Actuation, simTimeS: number): void {
    const control = this.require(node);
    if (actuation === 'plan') {
      if (control.pressure) control.pressure.returning = true;
      return;
    }
    if (control.pressure) {
      control.pressure.returning = false;
      return;
    }
    this.switchIfDue(control, simTimeS);
    const shown = this.stateOf(control, simTimeS, this.scratch);
    const { phases } = control.active.plan;
    const signal = new MaxPressureSignal(phases, clearanceTiming(phases), shown.phaseIndex);
    control.pressure = { signal, phases: control.active, atS: simTimeS, returning: false, pressures: [] };
    this.setGatesFor(control, control.active, signal.state());
  }

  /** The plan the node runs now. */
  runningPlan(node: number, simTimeS: number): SignalPlan {
    const control = this.require(node);
    if (control.pressure) return control.pressure.phases.plan;
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

  /** Steps the node's max-pressure signal up to `simTimeS` and sets its gates; hands back to the plan once it may. */
  private advancePressure(control: NodeControl, run: PressureRun, simTimeS: number): void {
    const dtS = simTimeS - run.atS;
    if (dtS > 0) {
      run.signal.advance(dtS, () => (run.returning ? phaseZeroWins(run.pressures, run.phases) : this.phasePressures(run.phases.phaseMovements, run.pressures)));
      run.atS = simTimeS;
    }
    const state = run.signal.state();
    if (run.returning && state.interval === 'green' && state.phaseIndex === 0) {
      this.resumePlan(control, simTimeS);
      return;
    }
    this.setGatesFor(control, run.phases, state);
  }

  /** The plan (a waiting one if due) takes over, its phase 0 green held until its own cycle starts. */
  private resumePlan(control: NodeControl, simTimeS: number): void {
    control.pressure = undefined;
    if (control.pending) {
      control.active = control.pending;
      control.pending = undefined;
      control.switchAtS = Infinity;
    }
    const { cycleS, offsetS } = control.active.plan;
    const dwellS = positiveModulo(offsetS - simTimeS, cycleS);
    control.dwellUntilS = dwellS > EPSILON_S && cycleS - dwellS > EPSILON_S ? simTimeS + dwellS : -Infinity;
    control.nextChangeS = -Infinity;
    const state = this.stateOf(control, simTimeS, this.scratch);
    this.setGates(control, state);
    control.nextChangeS = simTimeS + state.remainingS;
  }

  private switchIfDue(control: NodeControl, simTimeS: number): void {
    if (control.pressure) return; // a plan applied under max-pressure waits for the return to plans
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
    this.setGatesFor(control, control.active, state);
  }

  private setGatesFor(control: NodeControl, compiled: CompiledPlan, state: { phaseIndex: number; interval: string }): void {
    const { nodeStart } = this.net.movements;
    this.gates.fill(0, nodeStart[control.node], nodeStart[control.node + 1]);
    if (state.interval === 'all-red') return;
    for (const m of compiled.phaseMovements[state.phaseIndex]!) this.gates[m] = 1;
  }
}

/** Pressures under which phase 0 is served next: how a node under max-pressure finishes into its plan. */
function phaseZeroWins(result: number[], compiled: CompiledPlan): number[] {
  result.length = compiled.phaseMovements.length;
  result.fill(0);
  result[0] = 1;
  return result;
}
