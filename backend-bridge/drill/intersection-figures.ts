/**
 * The intersection level: what arrives on each approach, how long it waits,
 * the signal's plan and where it stands, and the alerts nearby.
 *
 * Where the source measures the node (SignalAccess.measure, signalized nodes
 * of the simulator and of field controllers) its figures are used as they
 * are. Elsewhere (unsignalized nodes, sources without signal data) they are
 * estimated from the latest traffic on the incoming links:
 * - volume: the link's outflow, which is what enters the node;
 * - queue: every vehicle on the link when it crawls below QUEUE_SPEED_KMH, else none;
 * - delay per vehicle: the flow-weighted mean of each approach's travel time
 *   beyond its free-flow travel time, i.e. the time lost approaching the node.
 */
import type { IntersectionDetail, RoadNode } from '../protocol';
import { nearbyRows } from './alert-rows';
import { type DrillInputs, linkNow } from './drill-inputs';

/** An approach moving slower than this counts as one standing queue, km/h (the protocol's definition). */
export const QUEUE_SPEED_KMH = 10;

/** The intersection's figures; the caller has checked that the node exists. */
export function intersectionFigures(inputs: DrillInputs, node: RoadNode): IntersectionDetail {
  const { signals } = inputs;
  const controlled = signals !== undefined && signals.nodeIds().includes(node.id);
  const measured = controlled ? signals.measure(node.id) : estimateFromLinks(inputs, node.id);
  const nearbyAlerts = nearbyRows(inputs.openAlerts, (xM, yM) => Math.hypot(xM - node.xM, yM - node.yM));
  const figures: IntersectionDetail = {
    level: 'intersection',
    nodeId: node.id,
    districtId: node.districtId,
    approaches: measured.approaches.map(({ linkId, volumeVehPerH, queueVeh }) => ({ linkId, volumeVehPerH, queueVeh })),
    delayPerVehS: measured.delayPerVehS,
    nearbyAlerts,
  };
  if (controlled) {
    const { phaseIndex, interval, remainingS } = signals.state(node.id);
    figures.signal = { plan: signals.runningPlan(node.id), mode: inputs.modes.modeOf(node.id), phaseIndex, interval, remainingS };
  }
  return figures;
}

function estimateFromLinks(inputs: DrillInputs, nodeId: string): Pick<IntersectionDetail, 'approaches' | 'delayPerVehS'> {
  let lostVehS = 0;
  let totalFlowVehPerH = 0;
  const approaches = (inputs.index.inLinksOfNode.get(nodeId) ?? []).map((linkIndex) => {
    const link = inputs.index.link(linkIndex);
    const now = linkNow(inputs, linkIndex);
    const vehicles = (now.densityVehPerKmLane * link.lanes * link.lengthM) / 1000;
    const lostS = now.speedKmh > 0 ? Math.max(0, (link.lengthM * 3.6) / now.speedKmh - (link.lengthM * 3.6) / link.freeSpeedKmh) : 0;
    lostVehS += lostS * now.flowVehPerH;
    totalFlowVehPerH += now.flowVehPerH;
    return { linkId: link.id, volumeVehPerH: now.flowVehPerH, queueVeh: now.speedKmh < QUEUE_SPEED_KMH ? vehicles : 0 };
  });
  return { approaches, delayPerVehS: totalFlowVehPerH > 0 ? lostVehS / totalFlowVehPerH : 0 };
}
