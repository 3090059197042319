/**
 * Max-pressure signal control (Varaiya, "Max pressure control of a network
 * of signalized intersections", Transportation Research C, 2013): at each
 * decision step a signal serves the phase whose movements have the largest
 * pressure, the vehicles waiting to make them minus the vehicles already on
 * the links they lead to. It needs no cycle, no split and no training, and
 * it keeps every queue bounded whenever any controller could.
 *
 * This file is the rule and its timing only: the simulator, the SUMO source
 * and the RESCO benchmark each measure the queues their own way and call it.
 * A change of phase always shows the old phase's yellow and all-red, and a
 * green is never cut below its minimum.
 */
import type { SignalInterval, SignalPhase } from '../protocol';
import { requiredGreenS } from '../protocol/signal-timing';

/** One movement of a phase, as counted now. */
export interface MovementQueue {
  /** Vehicles on the approach that want this movement (queued or arriving). */
  upstreamVeh: number;
  /** Vehicles on the link the movement leads to. */
  downstreamVeh: number;
  /**
   * The movement's discharge rate relative to one lane's (lanes it may use);
   * 1 when not known. Varaiya weighs each movement by its saturation flow.
   */
  capacityLanes?: number;
}

/** A phase's pressure: Σ capacity × (upstream − downstream) over its movements. */
export function phasePressure(movements: readonly MovementQueue[]): number {
  let pressure = 0;
  for (const m of movements) pressure += (m.capacityLanes ?? 1) * (m.upstreamVeh - m.downstreamVeh);
  return pressure;
}

/**
 * The phase to serve next: the one of largest pressure; the current phase
 * keeps the green on a tie, so a signal never switches for nothing.
 */
export function maxPressurePhase(pressures: readonly number[], currentPhase: number): number {
  let best = currentPhase;
  for (let i = 0; i < pressures.length; i++) if (pressures[i]! > pressures[best]!) best = i;
  return best;
}

/**
 * The fixed parts of each phase, seconds; from the node's running plan. A
 * green is held at least its vehicles' minimum and its pedestrians'
 * clearance (the plan rules' `requiredGreenS`).
 */
export type PressurePhaseTiming = Pick<SignalPhase, 'minGreenS' | 'pedClearanceS' | 'yellowS' | 'allRedS'>;

export interface MaxPressureOptions {
  /** Seconds between decisions once a green has run its minimum. */
  decisionStepS: number;
  /**
   * Seconds between looks, past the minimum green, at whether the green
   * still serves anyone: when its own pressure is zero or less and another
   * phase's is larger, it ends then instead of at the next decision (an
   * actuated signal's gap-out). A short look costs nothing where nobody
   * waits, and the decision step can stay long enough that a light does not
   * switch away from a queue still discharging. @default never (decisions only)
   */
  idleCheckS?: number;
}

/** Decision step as a multiple of the signal's longest clearance (yellow + all-red). */
export const DECISION_STEP_CLEARANCES = 2;
/** Seconds between looks at whether a green past its minimum still serves anyone. */
export const IDLE_CHECK_S = 1;
/** The shortest decision step, for a plan without clearances. */
export const MIN_DECISION_STEP_S = 5;

/**
 * The timing every caller runs: a decision every 2 × the longest clearance
 * (at least every 5 s) past the required green, a gap-out look every second. A switch loses a
 * clearance of discharge, so a signal with long clearances switches less
 * often; the look ends a green nobody uses at once. Measured on RESCO
 * (bench/resco/controllers/max-pressure.ts: a fixed 5 s step gave cologne1
 * 48.3 s, 2 × clearance 33.0 s) and on the demo city (bench/signals.ts: a
 * 5 s step −8.3 %, this −12.0 %).
 */
export function clearanceTiming(phases: readonly PressurePhaseTiming[]): MaxPressureOptions {
  const clearanceS = Math.max(...phases.map((phase) => phase.yellowS + phase.allRedS));
  return { decisionStepS: Math.max(DECISION_STEP_CLEARANCES * clearanceS, MIN_DECISION_STEP_S), idleCheckS: IDLE_CHECK_S };
}

/** Where a max-pressure signal stands. */
export interface PressureSignalState {
  phaseIndex: number;
  interval: SignalInterval;
  /** Seconds until the interval ends, or, in a green past its minimum, until the next decision. */
  remainingS: number;
}

/**
 * One intersection under max-pressure control. `advance` moves it on by a
 * time step; at each decision instant it asks for the phases' pressures.
 * Pure state, no clock of its own, so every caller steps it at its own rate.
 */
export class MaxPressureSignal {
  private phaseIndex: number;
  private interval: SignalInterval = 'green';
  /** Seconds spent in the current interval. */
  private elapsedS = 0;
  /** The green that follows the current yellow and all-red. */
  private nextPhase: number;
  /** Seconds of green at which the next decision falls. */
  private nextDecisionS: number;
  /** Seconds of green at which the next idle look falls; Infinity without `idleCheckS`. */
  private nextIdleCheckS: number;

  constructor(
    private readonly phases: readonly PressurePhaseTiming[],
    private readonly options: MaxPressureOptions,
    startPhase = 0,
  ) {
    if (phases.length === 0) throw new RangeError('max-pressure needs at least one phase');
    if (!(options.decisionStepS > 0)) throw new RangeError(`decisionStepS must be positive, got ${options.decisionStepS}`);
    if (options.idleCheckS !== undefined && !(options.idleCheckS > 0)) throw new RangeError(`idleCheckS must be positive, got ${options.idleCheckS}`);
    this.phaseIndex = startPhase;
    this.nextPhase = startPhase;
    this.nextDecisionS = this.firstDecisionS(startPhase);
    this.nextIdleCheckS = this.firstIdleCheckS(startPhase);
  }

  state(): PressureSignalState {
    const phase = this.phases[this.phaseIndex]!;
    const endS = this.interval === 'green' ? this.intervalEndS() : this.interval === 'yellow' ? phase.yellowS : phase.allRedS;
    return { phaseIndex: this.phaseIndex, interval: this.interval, remainingS: Math.max(0, endS - this.elapsedS) };
  }

  /** The green shown after the current interval: the current phase while green, the chosen one while clearing. */
  nextPhaseIndex(): number {
    return this.interval === 'green' ? this.phaseIndex : this.nextPhase;
  }

  /**
   * Moves on by `dtS` seconds. `pressures` is called at each decision
   * instant (and idle look) with no argument and returns one pressure per phase.
   */
  advance(dtS: number, pressures: () => readonly number[]): void {
    let leftS = dtS;
    // Ends every interval the step reaches; one of zero length (no all-red)
    // ends at once, and every green lasts at least a decision step, so this stops.
    for (;;) {
      const endS = this.intervalEndS();
      if (this.elapsedS + leftS < endS) {
        this.elapsedS += leftS;
        return;
      }
      leftS -= endS - this.elapsedS;
      this.elapsedS = endS;
      this.endInterval(pressures);
    }
  }

  /** Seconds the current interval has run. */
  intervalElapsedS(): number {
    return this.elapsedS;
  }

  private intervalEndS(): number {
    const phase = this.phases[this.phaseIndex]!;
    if (this.interval === 'green') return Math.min(this.nextDecisionS, this.nextIdleCheckS);
    return this.interval === 'yellow' ? phase.yellowS : phase.allRedS;
  }

  private endInterval(pressures: () => readonly number[]): void {
    if (this.interval === 'green') {
      const atDecision = this.elapsedS >= this.nextDecisionS;
      const pressuresNow = pressures();
      const next = maxPressurePhase(pressuresNow, this.phaseIndex);
      const idle = !(pressuresNow[this.phaseIndex]! > 0);
      if (next === this.phaseIndex || this.phases.length === 1 || !(atDecision || idle)) {
        if (atDecision) this.nextDecisionS += this.options.decisionStepS;
        if (this.elapsedS >= this.nextIdleCheckS) this.nextIdleCheckS += this.options.idleCheckS!;
        return;
      }
      this.nextPhase = next;
      this.enter('yellow');
    } else if (this.interval === 'yellow') {
      this.enter('all-red');
    } else {
      this.phaseIndex = this.nextPhase;
      this.nextDecisionS = this.firstDecisionS(this.phaseIndex);
      this.nextIdleCheckS = this.firstIdleCheckS(this.phaseIndex);
      this.enter('green');
    }
  }

  private enter(interval: SignalInterval): void {
    this.interval = interval;
    this.elapsedS = 0;
  }

  private firstIdleCheckS(phaseIndex: number): number {
    const { idleCheckS } = this.options;
    return idleCheckS === undefined ? Infinity : Math.max(requiredGreenS(this.phases[phaseIndex]!), idleCheckS);
  }

  private firstDecisionS(phaseIndex: number): number {
    return Math.max(requiredGreenS(this.phases[phaseIndex]!), this.options.decisionStepS);
  }
}
