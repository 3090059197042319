/**
 * A SUMO `.net.xml` parsed once into the plain records the reader needs:
 * location, junctions, non-internal edges with their lanes, connections and
 * traffic-light programs. Internal junctions and the `:`-prefixed internal
 * edges (the paths across junctions) are dropped here; everything kept has
 * its required attributes checked, so later steps can trust it.
 */
import { ElementReader, type XmlElement } from './net-file-error';
import { XmlSyntaxError, readXmlTree } from './xml-tree';

export interface NetLocation {
  /** Added to projected coordinates to give network x/y, metres. */
  netOffset: [number, number];
  /** Network x/y extent: [minX, minY, maxX, maxY]. */
  convBoundary: [number, number, number, number];
  /** A proj4 definition, or null when the net has none (`!`). */
  projParameter: string | null;
}

export interface NetJunction {
  id: string;
  type: string;
  x: number;
  y: number;
}

export interface NetLane {
  index: number;
  speedMps: number;
  lengthM: number;
  /** Interleaved x, y in network coordinates. */
  shape: number[];
  /** Whether passenger cars may use the lane (from allow / disallow). */
  carsAllowed: boolean;
}

export interface NetEdge {
  id: string;
  from: string;
  to: string;
  name: string | undefined;
  lanes: NetLane[];
}

export interface NetConnection {
  from: string;
  to: string;
  /** SUMO's direction: s, l, r, t, L, R or invalid. */
  dir: string;
  tl: string | undefined;
  linkIndex: number | undefined;
}

export interface NetPhase {
  durationS: number;
  state: string;
  minDurS: number | undefined;
  maxDurS: number | undefined;
}

export interface NetTlLogic {
  id: string;
  programId: string;
  type: string;
  offsetS: number;
  phases: NetPhase[];
}

export interface NetFile {
  /** The file the net came from, for messages. */
  file: string;
  lefthand: boolean;
  location: NetLocation;
  junctions: NetJunction[];
  edges: NetEdge[];
  connections: NetConnection[];
  tlLogics: NetTlLogic[];
}

/** A SUMO file's root element, `<root>`; throws naming the file where it is not well-formed XML or has another root. */
export function parseSumoXml(xml: string, file: string, root: string): XmlElement {
  const reader = new ElementReader(file);
  let document: ReturnType<typeof readXmlTree>;
  try {
    document = readXmlTree(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw reader.error('', null, error.message);
    throw error;
  }
  if (document.tag !== root) throw reader.error('', null, `has no <${root}> element (its root is <${document.tag}>)`);
  return document.element;
}

export function parseNetXml(xml: string, file: string): NetFile {
  const reader = new ElementReader(file);
  const net = parseSumoXml(xml, file, 'net');
  const locations = reader.children(net, 'location');
  if (locations.length !== 1) throw reader.error('net', net, 'needs exactly one <location>');
  return {
    file,
    lefthand: net.lefthand === 'true' || net.lefthand === '1',
    location: readLocation(reader, locations[0]!),
    junctions: reader
      .children(net, 'junction')
      .filter((j) => j.type !== 'internal')
      .map((j) => ({ id: reader.text('junction', j, 'id'), type: reader.text('junction', j, 'type'), x: reader.number('junction', j, 'x'), y: reader.number('junction', j, 'y') })),
    edges: reader
      .children(net, 'edge')
      .filter((e) => e.function !== 'internal' && !String(e.id).startsWith(':'))
      .map((e) => readEdge(reader, e)),
    connections: reader
      .children(net, 'connection')
      .filter((c) => !String(c.from).startsWith(':'))
      .map((c) => ({
        from: reader.text('connection', c, 'from'),
        to: reader.text('connection', c, 'to'),
        dir: reader.optionalText(c, 'dir') ?? 's',
        tl: reader.optionalText(c, 'tl'),
        linkIndex: reader.optionalNumber('connection', c, 'linkIndex'),
      })),
    tlLogics: reader.children(net, 'tlLogic').map((t) => readTlLogic(reader, t)),
  };
}

function readLocation(reader: ElementReader, location: XmlElement): NetLocation {
  const numbers = (name: string, count: number): number[] => {
    const values = reader.text('location', location, name).split(',').map(Number);
    if (values.length !== count || values.some((value) => !Number.isFinite(value))) {
      throw reader.error('location', location, `${name} must be ${count} numbers separated by commas`);
    }
    return values;
  };
  const projParameter = reader.text('location', location, 'projParameter').trim();
  return {
    netOffset: numbers('netOffset', 2) as [number, number],
    convBoundary: numbers('convBoundary', 4) as [number, number, number, number],
    projParameter: projParameter === '!' ? null : projParameter,
  };
}

function readEdge(reader: ElementReader, edge: XmlElement): NetEdge {
  const id = reader.text('edge', edge, 'id');
  const lanes = reader.children(edge, 'lane').map((lane, i): NetLane => {
    const index = lane.index === undefined ? i : Number(lane.index);
    if (!Number.isInteger(index)) throw reader.error('edge', edge, `lane ${i} has an index that is not a whole number: "${String(lane.index)}"`);
    const fail = (reason: string) => reader.error('edge', edge, `lane ${index} ${reason}`);
    const shape = reader.optionalText(lane, 'shape');
    if (shape === undefined) throw fail('has no shape');
    const speedMps = Number(lane.speed);
    const lengthM = Number(lane.length);
    if (!(speedMps > 0)) throw fail(`needs a speed above 0 m/s, got "${String(lane.speed)}"`);
    if (!(lengthM >= 0)) throw fail(`needs a length of at least 0 m, got "${String(lane.length)}"`);
    return { index, speedMps, lengthM, shape: reader.shape('edge', edge, `lane ${index}'s shape`, shape), carsAllowed: carsAllowed(lane) };
  });
  return { id, from: reader.text('edge', edge, 'from'), to: reader.text('edge', edge, 'to'), name: reader.optionalText(edge, 'name'), lanes };
}

/** SUMO's vehicle-class permissions: `allow` lists who may, `disallow` who may not; neither means everyone. */
function carsAllowed(lane: XmlElement): boolean {
  const classes = (value: unknown) => (typeof value === 'string' ? value.split(/\s+/) : undefined);
  const allow = classes(lane.allow);
  if (allow) return allow.includes('passenger') || allow.includes('all');
  const disallow = classes(lane.disallow);
  return !disallow || !(disallow.includes('passenger') || disallow.includes('all'));
}

function readTlLogic(reader: ElementReader, tl: XmlElement): NetTlLogic {
  const phases = reader.children(tl, 'phase').map((phase): NetPhase => {
    const durationS = Number(phase.duration);
    const state = phase.state;
    if (!(durationS >= 0)) throw reader.error('tlLogic', tl, `a phase needs a duration of at least 0 s, got "${String(phase.duration)}"`);
    if (typeof state !== 'string' || !/^[rRyYgGsuoO]+$/.test(state)) {
      throw reader.error('tlLogic', tl, `a phase needs a state of signal letters (rygGsuoO), got "${String(state)}"`);
    }
    const seconds = (name: string): number | undefined => {
      if (phase[name] === undefined) return undefined;
      const value = Number(phase[name]);
      if (!(value >= 0)) throw reader.error('tlLogic', tl, `a phase's ${name} must be at least 0 s, got "${String(phase[name])}"`);
      return value;
    };
    return { durationS, state, minDurS: seconds('minDur'), maxDurS: seconds('maxDur') };
  });
  if (phases.length === 0) throw reader.error('tlLogic', tl, 'has no phases');
  return {
    id: reader.text('tlLogic', tl, 'id'),
    programId: reader.optionalText(tl, 'programID') ?? '0',
    type: reader.optionalText(tl, 'type') ?? 'static',
    offsetS: reader.optionalNumber('tlLogic', tl, 'offset') ?? 0,
    phases,
  };
}
