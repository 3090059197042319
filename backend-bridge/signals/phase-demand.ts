/**
 * What Webster's formulas take from a measurement: per phase, the demand of
 * its critical approach — the flow that must pass in the phase and the rate
 * it passes at — so that splits in proportion to y = flow / saturation flow
 * give the critical approaches equal degrees of saturation.
 *
 * An approach discharges one mixed queue: while some of its movements are
 * held, the others go at their share of its capacity, and what is held
 * stays in the mix (the simulator's CTM, and an approach without turn
 * pockets, work so). Its arrivals are therefore served mostly in its main
 * phase — the one that opens the largest share of its saturation flow —
 * and that phase must carry them: y = approach arrivals / the saturation
 * flow of the approach's movements open in that phase. A phase that is no
 * approach's main phase (a protected left turn beside a through phase, an
 * exclusive pedestrian phase) carries no critical flow and gets its minimum.
 * A movement with a queue of its own (a turn bay) is a lane group of its
 * own: its flow and saturation flow count apart from its approach's, so a
 * protected left phase fed by bays gets the green its bays need.
 * Where every approach runs in one phase this is Webster's textbook y.
 */
import type { Movement, PhaseDemand, SignalPlan } from '../protocol';
import type { IntersectionMeasure } from '../sources/signal-access';

/** Saturation flow given to a phase without a critical approach, veh/h; its flow is 0, so only y = 0 matters. */
const NO_DEMAND_SATURATION_VEH_PER_H = 1800;
/** The wire protocol wants saturation flows of at least 1 veh/h. */
const MIN_SATURATION_VEH_PER_H = 1;

interface ApproachFlow {
  flowVehPerH: number;
  /** Saturation flow of the approach's movements open in each phase, by phase index. */
  openSaturationVehPerH: number[];
}

/**
 * One entry per phase of `plan`, same order.
 *
 * @param movements the node's movements (which approach each belongs to); movements the measurement lacks count as no demand
 */
export function phaseDemandOf(plan: SignalPlan, measure: IntersectionMeasure, movements: readonly Movement[]): PhaseDemand[] {
  const approaches = approachFlows(plan, measure, movements);
  const demand: PhaseDemand[] = plan.phases.map((phase) => ({
    phaseId: phase.id,
    flowVehPerH: 0,
    saturationFlowVehPerH: NO_DEMAND_SATURATION_VEH_PER_H,
  }));
  const ratio = plan.phases.map(() => -1);
  for (const approach of approaches.values()) {
    const saturation = approach.openSaturationVehPerH;
    const main = saturation.indexOf(Math.max(...saturation));
    if (saturation[main]! <= 0) continue;
    const saturationFlowVehPerH = Math.max(MIN_SATURATION_VEH_PER_H, saturation[main]!);
    const y = approach.flowVehPerH / saturationFlowVehPerH;
    if (y > ratio[main]!) {
      ratio[main] = y;
      demand[main] = { phaseId: plan.phases[main]!.id, flowVehPerH: approach.flowVehPerH, saturationFlowVehPerH };
    }
  }
  return demand;
}

/** Per in-link (or movement with its own queue): its arrivals (the sum over its movements) and its saturation flow open in each phase. */
function approachFlows(plan: SignalPlan, measure: IntersectionMeasure, movements: readonly Movement[]): Map<string, ApproachFlow> {
  const inLinkOf = new Map(movements.map((m) => [m.id, m.inLinkId]));
  const measured = new Map(measure.movements.map((m) => [m.movementId, m]));
  const approaches = new Map<string, ApproachFlow>();
  const approachOf = (movementId: string) => {
    const link = inLinkOf.get(movementId);
    const measurement = measured.get(movementId);
    if (link === undefined || !measurement) return undefined;
    const group = measurement.ownQueue ? movementId : link;
    let approach = approaches.get(group);
    if (!approach) approaches.set(group, (approach = { flowVehPerH: 0, openSaturationVehPerH: plan.phases.map(() => 0) }));
    return approach;
  };
  for (const m of measure.movements) {
    const approach = approachOf(m.movementId);
    if (approach) approach.flowVehPerH += m.flowVehPerH;
  }
  plan.phases.forEach((phase, p) => {
    for (const id of phase.movementIds) {
      const approach = approachOf(id);
      if (approach) approach.openSaturationVehPerH[p]! += measured.get(id)!.saturationFlowVehPerH;
    }
  });
  return approaches;
}
