/**
 * Reads SUMO's tripinfo output for the two figures RESCO's delay sums per vehicle.
 */
import { childElement, childElements, numberAttribute, parseSumoXml } from './xml-file';

export interface TripDelay {
  id: string;
  /** Time lost to driving below the desired speed (queues, signals), in seconds. */
  timeLossS: number;
  /** Time the vehicle waited to be inserted after its planned depart, in seconds. */
  departDelayS: number;
}

/** Parses the text of a tripinfo file; `file` names it in errors. Person trips (`personinfo`) are not vehicles and are left out. */
export function parseTripinfos(xml: string, file: string): TripDelay[] {
  const root = childElement(parseSumoXml(xml, file, ['tripinfo']), 'tripinfos');
  if (!root) throw new Error(`${file}: the root element is not <tripinfos>`);
  return childElements(root, 'tripinfo').map((tripinfo) => {
    const where = `${file}: <tripinfo id=${JSON.stringify(tripinfo.id ?? null)}>`;
    if (typeof tripinfo.id !== 'string') throw new Error(`${where}: has no id`);
    return {
      id: tripinfo.id,
      timeLossS: numberAttribute(tripinfo, 'timeLoss', where),
      departDelayS: numberAttribute(tripinfo, 'departDelay', where),
    };
  });
}
