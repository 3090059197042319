/**
 * Tiny SUMO networks written as XML in the tests: a four-armed crossing
 * `C` with arms N, E, S, W 100 m out, two-way edges between each arm and
 * the centre, and whatever the test adds. Coordinates are network x/y.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CraftedNet {
  lefthand?: boolean;
  /** The `<location>` element; @default no projection, 0..200 m */
  location?: string;
  /** Extra elements inside `<net>` (edges, junctions, tlLogics, connections). */
  extra?: string;
  /** Id of the centre junction; @default C */
  centreId?: string;
  centreType?: string;
  /** Added to every network coordinate, metres, to move the crossing inside a `location`'s boundary. @default [0, 0] */
  shift?: readonly [number, number];
}

export const NO_PROJECTION = '<location netOffset="0.00,0.00" convBoundary="0.00,0.00,200.00,200.00" origBoundary="0,0,200,200" projParameter="!"/>';

const ARMS = { N: [100, 200], E: [200, 100], S: [100, 0], W: [0, 100] } as const;

/** A two-lane edge from (x0, y0) to (x1, y1); lane 0 on the right of travel (or the left, `lefthand`). */
export function edgeXml(id: string, from: string, to: string, [x0, y0]: readonly number[], [x1, y1]: readonly number[], lefthand = false): string {
  const lengthM = Math.hypot(x1! - x0!, y1! - y0!);
  const side = lefthand ? -1 : 1;
  const rx = (((y1! - y0!) / lengthM) * side);
  const ry = ((-(x1! - x0!) / lengthM) * side);
  const lane = (index: number) => {
    const offsetM = 1.6 + (1 - index) * 3.2;
    const shape = `${x0! + rx * offsetM},${y0! + ry * offsetM} ${x1! + rx * offsetM},${y1! + ry * offsetM}`;
    return `<lane id="${id}_${index}" index="${index}" speed="13.89" length="${lengthM}" shape="${shape}"/>`;
  };
  return `<edge id="${id}" from="${from}" to="${to}" priority="1">${lane(0)}${lane(1)}</edge>`;
}

export function craftedNetXml(spec: CraftedNet = {}): string {
  const centre = spec.centreId ?? 'C';
  const parts = [
    `<net version="1.9"${spec.lefthand ? ' lefthand="true"' : ''}>`,
    spec.location ?? NO_PROJECTION,
    `<edge id=":${centre}_0" function="internal"><lane id=":${centre}_0_0" index="0" speed="10" length="5" shape="99,100 101,100"/></edge>`,
  ];
  const [dx, dy] = spec.shift ?? [0, 0];
  const middle = [100 + dx, 100 + dy];
  for (const [arm, [x, y]] of Object.entries(ARMS)) {
    const xy = [x + dx, y + dy];
    parts.push(edgeXml(`${arm}in`, arm, centre, xy, middle, spec.lefthand));
    parts.push(edgeXml(`${arm}out`, centre, arm, middle, xy, spec.lefthand));
    parts.push(`<junction id="${arm}" type="dead_end" x="${xy[0]}" y="${xy[1]}" incLanes="" intLanes="" shape=""/>`);
  }
  parts.push(`<junction id="${centre}" type="${spec.centreType ?? 'priority'}" x="${middle[0]}" y="${middle[1]}" incLanes="" intLanes="" shape=""/>`);
  parts.push(`<junction id=":${centre}_0_0" type="internal" x="100" y="100" incLanes="" intLanes=""/>`);
  parts.push(spec.extra ?? '', '</net>');
  return parts.join('\n');
}

/** A temporary folder for files a test writes; `cleanup` removes it. */
export function tempFolder(): { dir: string; write: (name: string, text: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sumo-net-'));
  return {
    dir,
    write: (name, text) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
