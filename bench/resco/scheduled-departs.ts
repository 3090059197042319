/**
 * Every vehicle the demand files schedule inside the window, with its planned
 * depart time. SUMO 1.15's tripinfo output with `--tripinfo-output.write-unfinished`
 * lists vehicles that departed (arrived or still running at the end, the latter
 * with `arrival="-1"` and `vaporized="end"`) but none that were never inserted;
 * those exist only here, and RESCO's delay counts them as waiting from their
 * depart time to the end of the window.
 */
import { childElement, childElements, numberAttribute, readSumoXml, type XmlElement } from './xml-file';

export interface ScheduledDepart {
  /** The vehicle id SUMO gives it: the element's id, or `<flowId>.<n>` for a flow's n-th vehicle. */
  id: string;
  departS: number;
}

const DEMAND_ELEMENTS = ['vehicle', 'trip', 'flow'] as const;

/** Depart times of a deterministic flow, following SUMO's rules for begin/end/number/period/vehsPerHour. */
function flowDepartsS(flow: XmlElement, where: string, windowEndS: number): number[] {
  if (flow.probability !== undefined || (typeof flow.period === 'string' && flow.period.startsWith('exp'))) {
    throw new Error(`${where}: a random flow cannot be counted from the demand file; give it number, period or vehsPerHour`);
  }
  const beginS = flow.begin === undefined ? 0 : numberAttribute(flow, 'begin', where);
  const hasEnd = flow.end !== undefined;
  const endS = hasEnd ? numberAttribute(flow, 'end', where) : Number.POSITIVE_INFINITY;
  const number = flow.number === undefined ? undefined : numberAttribute(flow, 'number', where);
  let periodS: number;
  if (flow.period !== undefined) periodS = numberAttribute(flow, 'period', where);
  else if (flow.vehsPerHour !== undefined) periodS = 3600 / numberAttribute(flow, 'vehsPerHour', where);
  else if (number !== undefined && hasEnd) periodS = number > 0 ? (endS - beginS) / number : Number.POSITIVE_INFINITY;
  else throw new Error(`${where}: a flow needs period, vehsPerHour or number with end`);
  if (!(periodS > 0)) throw new Error(`${where}: the flow's period must be positive`);
  const departs: number[] = [];
  // A flow without end and number runs until the window closes; past it nothing more counts.
  const lastS = Math.min(endS, windowEndS);
  for (let n = 0; number === undefined || n < number; n += 1) {
    const departS = beginS + n * periodS;
    if (departS >= lastS) break;
    departs.push(departS);
  }
  return departs;
}

/** The scheduled departures of one parsed demand file; `file` names it in errors. */
export function scheduledDepartsOf(document: XmlElement, file: string, windowEndS: number): ScheduledDepart[] {
  const root = childElement(document, 'routes') ?? childElement(document, 'additional');
  if (!root) return [];
  const departs: ScheduledDepart[] = [];
  for (const kind of ['vehicle', 'trip'] as const) {
    for (const element of childElements(root, kind)) {
      const where = `${file}: <${kind} id=${JSON.stringify(element.id ?? null)}>`;
      if (typeof element.id !== 'string') throw new Error(`${where}: has no id`);
      departs.push({ id: element.id, departS: numberAttribute(element, 'depart', where) });
    }
  }
  for (const flow of childElements(root, 'flow')) {
    const where = `${file}: <flow id=${JSON.stringify(flow.id ?? null)}>`;
    if (typeof flow.id !== 'string') throw new Error(`${where}: has no id`);
    flowDepartsS(flow, where, windowEndS).forEach((departS, n) => departs.push({ id: `${flow.id}.${n}`, departS }));
  }
  return departs;
}

/**
 * The vehicles of `files` that SUMO would insert in [beginS, endS): SUMO drops
 * those scheduled before begin, and those at or after end never become due.
 */
export function readScheduledDeparts(files: readonly string[], beginS: number, endS: number): ScheduledDepart[] {
  return files
    .flatMap((file) => scheduledDepartsOf(readSumoXml(file, DEMAND_ELEMENTS), file, endS))
    .filter((vehicle) => vehicle.departS >= beginS && vehicle.departS < endS);
}
