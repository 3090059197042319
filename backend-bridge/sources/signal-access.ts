/**
 * What a source offers for signalized intersections: their plans and state,
 * measured demand at each, and a way to hand a controller a new plan. The
 * simulator implements it over its own signal control; the MQTT source over
 * the field controllers' topics. The bridge's signal service (history,
 * audit, adaptive mode) and the drill-down read through it.
 */
import type { Movement, SignalMode, SignalPlan, SignalState } from '../protocol';

/**
 * Who picks a node's next phase: the running plan's clock, or the
 * max-pressure rule (signals/max-pressure.ts) over the plan's phases on
 * queues the source measures itself, every few seconds.
 */
export type Actuation = 'plan' | 'maxpressure';

export interface ApproachMeasure {
  linkId: string;
  /** Vehicles per hour entering the intersection from this link, recent minutes. */
  volumeVehPerH: number;
  /** Vehicles queued on the link now. */
  queueVeh: number;
}

export interface MovementMeasure {
  movementId: string;
  /** Arrivals wanting this movement, recent minutes, veh/h. */
  flowVehPerH: number;
  /** Discharge rate of the movement over a full green, veh/h. */
  saturationFlowVehPerH: number;
  /**
   * True where the movement queues apart from the rest of its approach (a
   * turn bay), so that holding it holds nothing else; absent: one mixed
   * queue with the approach's other movements.
   */
  ownQueue?: boolean;
}

export interface IntersectionMeasure {
  /** Sim time of the measurement, ms since the epoch. */
  simTimeMs: number;
  approaches: ApproachMeasure[];
  movements: MovementMeasure[];
  /** Mean control delay per vehicle through the node over recent minutes, seconds. */
  delayPerVehS: number;
}

export interface SignalAccess {
  /** Ids of the signalized nodes, in the city's order. */
  nodeIds(): readonly string[];
  /** The plan running now. Throws RangeError for a node that is not signalized. */
  runningPlan(nodeId: string): SignalPlan;
  /** A newer plan waiting for the running plan's cycle boundary, and when it takes over (sim ms). */
  pending(nodeId: string): { plan: SignalPlan; effectiveSimTimeMs: number } | undefined;
  /** Phase, interval and seconds remaining now. */
  state(nodeId: string): SignalState;
  movements(nodeId: string): Movement[];
  measure(nodeId: string): IntersectionMeasure;
  /**
   * Hands the node's controller a plan (already validated by the caller).
   * Resolves once the controller accepted it, with the sim time it takes
   * over; rejects with a SourceRequestError (e.g. no acknowledgement in time).
   */
  apply(plan: SignalPlan): Promise<{ effectiveSimTimeMs: number }>;
  /**
   * Switches who picks the node's next phase. Absent where the controllers
   * can only run plans (field controllers over MQTT); throws RangeError for a
   * node that is not signalized.
   */
  setActuation?(nodeId: string, actuation: Actuation): void;
}

/** The bridge's view of which nodes run adaptive control; provided by the signal service. */
export interface SignalModes {
  modeOf(nodeId: string): SignalMode;
}
