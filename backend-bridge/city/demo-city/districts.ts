/**
 * The ten districts of the demo city. They tile the city exactly: the inner
 * ring bounds the old centre, the river splits the centre and the sectors
 * between the rings into north and south, and the outer ring's west and east
 * sides bound the two outlying new towns, which span both banks.
 *
 * Each outline is an x-range with a lower and an upper boundary (a grid
 * line, the river centreline or the city's outer limit). Neighbours build
 * their shared boundary from the same numbers, rounded the same way, so the
 * shared edges are bit-identical and no point falls in a gap or an overlap.
 */
import type { District } from '../../protocol';
import { CENTRE_LINE, type DemoLayout, EDGE_M, RING_STEPS } from './layout';

/** How far district outlines reach past the edge nodes, in metres. */
const DISTRICT_MARGIN_M = 250;
/** Spacing of outline vertices along the river, in metres. */
const RIVER_STEP_M = 100;
/** Distance kept between a label and the water, in metres. */
const LABEL_WATER_CLEARANCE_M = 300;

type XBound = 'edgeW' | 'outerW' | 'innerW' | 'innerE' | 'outerE' | 'edgeE';
type YBound = 'edgeS' | 'innerS' | 'river' | 'innerN' | 'edgeN';

interface DistrictPiece {
  id: string;
  name: { zh: string; en: string };
  west: XBound;
  east: XBound;
  south: YBound;
  north: YBound;
}

const PIECES: readonly DistrictPiece[] = [
  { id: 'shangcheng', name: { zh: '上城区', en: 'Shangcheng District' }, west: 'innerW', east: 'innerE', south: 'river', north: 'innerN' },
  { id: 'binjiang', name: { zh: '滨江区', en: 'Binjiang District' }, west: 'innerW', east: 'innerE', south: 'innerS', north: 'river' },
  { id: 'jiangbei', name: { zh: '江北区', en: 'Jiangbei District' }, west: 'innerW', east: 'innerE', south: 'innerN', north: 'edgeN' },
  { id: 'jiangnan', name: { zh: '江南区', en: 'Jiangnan District' }, west: 'innerW', east: 'innerE', south: 'edgeS', north: 'innerS' },
  { id: 'gongchen', name: { zh: '拱宸区', en: 'Gongchen District' }, west: 'outerW', east: 'innerW', south: 'river', north: 'edgeN' },
  { id: 'zhijiang', name: { zh: '之江区', en: 'Zhijiang District' }, west: 'outerW', east: 'innerW', south: 'edgeS', north: 'river' },
  { id: 'dongxin', name: { zh: '东新区', en: 'Dongxin District' }, west: 'innerE', east: 'outerE', south: 'river', north: 'edgeN' },
  { id: 'wangjiang', name: { zh: '望江区', en: 'Wangjiang District' }, west: 'innerE', east: 'outerE', south: 'edgeS', north: 'river' },
  { id: 'gaoxin', name: { zh: '高新区', en: 'Gaoxin Hi-Tech Zone' }, west: 'edgeW', east: 'outerW', south: 'edgeS', north: 'edgeN' },
  { id: 'lingang', name: { zh: '临港新区', en: 'Lingang New Area' }, west: 'outerE', east: 'edgeE', south: 'edgeS', north: 'edgeN' },
];

const roundCm = (valueM: number) => Math.round(valueM * 100) / 100;

/** District outlines and label points (population is added once buildings exist). */
export function planDistricts(layout: DemoLayout): District[] {
  const limitM = EDGE_M + DISTRICT_MARGIN_M;
  const column = (steps: number) => layout.columnXM[CENTRE_LINE + steps]!;
  const row = (steps: number) => layout.rowYM[CENTRE_LINE + steps]!;
  const xOf: Record<XBound, number> = {
    edgeW: -limitM,
    outerW: column(-RING_STEPS.outer),
    innerW: column(-RING_STEPS.inner),
    innerE: column(RING_STEPS.inner),
    outerE: column(RING_STEPS.outer),
    edgeE: limitM,
  };
  const riverYM = (xM: number) => roundCm(layout.river.centreYM(xM));
  const yOf = (bound: YBound, xM: number): number => {
    const fixed = { edgeS: -limitM, innerS: row(-RING_STEPS.inner), innerN: row(RING_STEPS.inner), edgeN: limitM };
    return bound === 'river' ? riverYM(xM) : fixed[bound];
  };
  const levelsAt = (xM: number) => (['edgeS', 'innerS', 'river', 'innerN', 'edgeN'] as const).map((b) => yOf(b, xM));

  return PIECES.map((piece) => {
    const x0 = xOf[piece.west];
    const x1 = xOf[piece.east];
    const boundaryXs = (bound: YBound) => (bound === 'river' ? riverSampleXs(x0, x1) : [x0, x1]);
    const between = (xM: number) => {
      const low = yOf(piece.south, xM);
      const high = yOf(piece.north, xM);
      return levelsAt(xM).filter((yM) => yM > low && yM < high);
    };
    const ringM: [number, number][] = [
      ...boundaryXs(piece.south).map((xM): [number, number] => [xM, yOf(piece.south, xM)]),
      ...between(x1).map((yM): [number, number] => [x1, yM]),
      ...boundaryXs(piece.north).reverse().map((xM): [number, number] => [xM, yOf(piece.north, xM)]),
      ...between(x0).reverse().map((yM): [number, number] => [x0, yM]),
    ];
    return { id: piece.id, name: piece.name, ringM, labelM: labelPoint(layout, piece, x0, x1, yOf) };
  });
}

/** Both ends plus every multiple of RIVER_STEP_M strictly between them, west to east. */
function riverSampleXs(x0M: number, x1M: number): number[] {
  const xs = [x0M];
  for (let xM = Math.floor(x0M / RIVER_STEP_M + 1) * RIVER_STEP_M; xM < x1M; xM += RIVER_STEP_M) xs.push(xM);
  xs.push(x1M);
  return xs;
}

/** Middle of the piece's span at its central easting, moved onto the north bank when it would sit on the water. */
function labelPoint(
  layout: DemoLayout,
  piece: DistrictPiece,
  x0M: number,
  x1M: number,
  yOf: (bound: YBound, xM: number) => number,
): [number, number] {
  const xM = roundCm((x0M + x1M) / 2);
  let lowM = yOf(piece.south, xM);
  const highM = yOf(piece.north, xM);
  const riverYM = layout.river.centreYM(xM);
  if (riverYM > lowM && riverYM < highM) lowM = riverYM + layout.river.halfWidthM(xM) + LABEL_WATER_CLEARANCE_M;
  return [xM, roundCm((lowM + highM) / 2)];
}
