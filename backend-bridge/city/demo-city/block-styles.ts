/**
 * How each city block is built up: towers in the centre, residential
 * compounds and mixed mid-rise between the rings, low-rise, industry and
 * villages at the periphery, and a few blocks left as parks. Each style
 * fixes its plot size, footprint shapes, heights and how many residents a
 * square metre of its floor space houses.
 */
import type { Prng } from '../prng';
import type { FootprintShape } from './footprints';
import type { Zone } from './layout';

export type BlockStyle = 'towers' | 'compound' | 'midrise' | 'lowrise' | 'industrial' | 'village';

export interface StyleParams {
  /** Target plot size, east–west × north–south, in metres. */
  plotM: readonly [widthM: number, depthM: number];
  /** Share of the plot's width covered by the footprint, [min, max). */
  widthShare: readonly [number, number];
  /** Share of the plot's depth covered by the footprint, [min, max). */
  depthShare: readonly [number, number];
  /** Chance that a plot stays open (courtyard, sports ground, field). */
  emptyChance: number;
  /** Relative frequency of each footprint shape. */
  shapes: readonly (readonly [FootprintShape, number])[];
  /** Share of floor space that is housing (the rest is offices, shops, industry). */
  housingShare: number;
  /**
   * Draws a height in metres. `coreness` runs from 0 (away from the business
   * districts) to 1 (at the heart of one); `blockStoreys` is drawn once per
   * compound (0 for other styles) so that its slabs match.
   */
  heightM(rng: Prng, coreness: number, blockStoreys: number): number;
}

/** Storey height used to turn storeys into metres and back, in metres. */
export const STOREY_M = 3;

/**
 * Tower heights: 30 m plus a power-law share of 270 m. A higher exponent
 * skews towards the low end; near the core the exponent drops, so about
 * 40 % of the towers there pass 120 m, against about 20 % elsewhere.
 */
const towerHeightM = (rng: Prng, coreness: number) => 30 + 270 * rng.next() ** (4.5 - 2.3 * coreness);

export const STYLES: Record<BlockStyle, StyleParams> = {
  towers: {
    plotM: [65, 65],
    widthShare: [0.45, 0.75],
    depthShare: [0.45, 0.75],
    emptyChance: 0.12,
    shapes: [
      ['rect', 0.4],
      ['chamfered', 0.2],
      ['l-shape', 0.2],
      ['rotated', 0.2],
    ],
    housingShare: 0.3,
    heightM: (rng, coreness) => towerHeightM(rng, coreness),
  },
  compound: {
    // Slab blocks in rows, long side east–west so every flat faces south.
    plotM: [80, 60],
    widthShare: [0.6, 0.85],
    depthShare: [0.22, 0.3],
    emptyChance: 0.08,
    shapes: [
      ['rect', 0.85],
      ['l-shape', 0.15],
    ],
    housingShare: 0.95,
    heightM: (rng, _coreness, blockStoreys) => (blockStoreys + rng.int(-1, 1)) * STOREY_M,
  },
  midrise: {
    plotM: [60, 60],
    widthShare: [0.5, 0.8],
    depthShare: [0.5, 0.8],
    emptyChance: 0.1,
    shapes: [
      ['rect', 0.55],
      ['l-shape', 0.25],
      ['rotated', 0.1],
      ['chamfered', 0.1],
    ],
    housingShare: 0.6,
    heightM: (rng) => 15 + 30 * rng.next() ** 1.3,
  },
  lowrise: {
    plotM: [70, 60],
    widthShare: [0.45, 0.75],
    depthShare: [0.45, 0.75],
    emptyChance: 0.25,
    shapes: [
      ['rect', 0.7],
      ['l-shape', 0.2],
      ['rotated', 0.1],
    ],
    housingShare: 0.5,
    heightM: (rng) => 10 + 20 * rng.next() ** 1.8,
  },
  industrial: {
    plotM: [130, 100],
    widthShare: [0.55, 0.85],
    depthShare: [0.55, 0.85],
    emptyChance: 0.2,
    shapes: [
      ['rect', 0.8],
      ['l-shape', 0.2],
    ],
    housingShare: 0,
    heightM: (rng) => rng.float(10, 20),
  },
  village: {
    plotM: [40, 34],
    widthShare: [0.45, 0.65],
    depthShare: [0.45, 0.65],
    emptyChance: 0.5,
    shapes: [
      ['rect', 0.75],
      ['rotated', 0.25],
    ],
    housingShare: 0.9,
    heightM: (rng) => rng.float(10, 14),
  },
};

type BlockUse = BlockStyle | 'park';

const ZONE_MIX: Record<Zone, readonly (readonly [BlockUse, number])[]> = {
  centre: [
    ['towers', 0.62],
    ['compound', 0.16],
    ['midrise', 0.14],
    ['park', 0.08],
  ],
  middle: [
    ['compound', 0.52],
    ['midrise', 0.26],
    ['towers', 0.1],
    ['lowrise', 0.06],
    ['park', 0.06],
  ],
  periphery: [
    ['lowrise', 0.32],
    ['industrial', 0.22],
    ['village', 0.14],
    ['compound', 0.14],
    ['park', 0.18],
  ],
};

/** What a block in this zone is used for; 'park' blocks stay empty. */
export const pickBlockUse = (zone: Zone, rng: Prng): BlockUse => rng.weighted(ZONE_MIX[zone]);

/**
 * Storeys shared by a compound's slabs: old six-storey walk-ups, 1990s–2000s
 * mid-rise, or recent high-rise; the centre has more of the old stock.
 */
export function compoundStoreys(zone: Zone, rng: Prng): number {
  const era = rng.weighted<readonly [number, number]>([
    [[5, 7], zone === 'centre' ? 0.5 : 0.3],
    [[11, 18], 0.45],
    [[24, 33], zone === 'centre' ? 0.05 : 0.25],
  ]);
  return rng.int(era[0], era[1]);
}
