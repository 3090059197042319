/**
 * The Lin River (临江): a band of water meandering west → east through the
 * demo city. Its centreline is a sum of sines, so every question about it
 * ("is this point wet?", "where is the bank at x?") is answered exactly
 * rather than against a sampled outline.
 */
import type { Prng } from '../prng';

/** One sine component of the centreline or of the width. */
interface Wave {
  amplitudeM: number;
  wavelengthM: number;
  phaseRad: number;
}

const wave = (w: Wave, xM: number) => w.amplitudeM * Math.sin((2 * Math.PI * xM) / w.wavelengthM + w.phaseRad);

/** Step between samples when a segment is tested against the water, in metres. */
const SEGMENT_SAMPLE_STEP_M = 20;

export class River {
  constructor(
    /** Mean northing of the centreline, in metres. */
    readonly baseYM: number,
    /** Meanders added to the centreline. */
    private readonly bends: readonly Wave[],
    /** Mean width of the water, in metres. */
    private readonly meanWidthM: number,
    /** How the width swells and narrows along the river. */
    private readonly widthSwell: Wave,
  ) {}

  /**
   * A river whose water always stays within `maxReachM` of y = 0 (the
   * generator keeps ring roads clear of it that way).
   */
  static random(rng: Prng, maxReachM: number): River {
    const bends = [
      { amplitudeM: rng.float(300, 420), wavelengthM: rng.float(6500, 9000), phaseRad: rng.float(0, 2 * Math.PI) },
      { amplitudeM: rng.float(80, 140), wavelengthM: rng.float(2600, 3400), phaseRad: rng.float(0, 2 * Math.PI) },
    ];
    const meanWidthM = rng.float(300, 340);
    const widthSwell = { amplitudeM: rng.float(30, 50), wavelengthM: rng.float(3000, 5000), phaseRad: rng.float(0, 2 * Math.PI) };
    const baseYM = rng.float(-450, -150);
    const reachM = Math.abs(baseYM) + bends.reduce((sum, b) => sum + b.amplitudeM, 0) + meanWidthM / 2 + widthSwell.amplitudeM;
    if (reachM > maxReachM) throw new Error(`river reaches ${reachM.toFixed(0)} m from the axis, more than ${maxReachM} m`);
    return new River(baseYM, bends, meanWidthM, widthSwell);
  }

  /** Northing of the centreline at easting x, in metres. */
  centreYM(xM: number): number {
    return this.bends.reduce((y, bend) => y + wave(bend, xM), this.baseYM);
  }

  /** Half the width of the water at easting x, in metres. */
  halfWidthM(xM: number): number {
    return (this.meanWidthM + wave(this.widthSwell, xM)) / 2;
  }

  /**
   * The water between two eastings as a closed ring: the north bank west to
   * east, then the south bank back. `stepM` spaces the samples along the river.
   */
  outlineM(minXM: number, maxXM: number, stepM = 50): [number, number][] {
    const count = Math.max(2, Math.ceil((maxXM - minXM) / stepM) + 1);
    const xs = Array.from({ length: count }, (_, i) => minXM + ((maxXM - minXM) * i) / (count - 1));
    const north = xs.map((x): [number, number] => [x, this.centreYM(x) + this.halfWidthM(x)]);
    const south = xs.map((x): [number, number] => [x, this.centreYM(x) - this.halfWidthM(x)]).reverse();
    return [...north, ...south];
  }

  /** Whether (x, y) is in the water, or within `marginM` of it. */
  isWet(xM: number, yM: number, marginM = 0): boolean {
    return Math.abs(yM - this.centreYM(xM)) < this.halfWidthM(xM) + marginM;
  }

  /** Whether the straight segment touches the water widened by `marginM`. */
  segmentIsWet(x0M: number, y0M: number, x1M: number, y1M: number, marginM = 0): boolean {
    const steps = Math.max(1, Math.ceil(Math.hypot(x1M - x0M, y1M - y0M) / SEGMENT_SAMPLE_STEP_M));
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      if (this.isWet(x0M + (x1M - x0M) * t, y0M + (y1M - y0M) * t, marginM)) return true;
    }
    return false;
  }

  /**
   * Whether the axis-aligned rectangle touches the water widened by
   * `marginM`. Samples the river every `stepM` across the rectangle; the
   * margin must exceed how far a bank moves between samples.
   */
  rectIsWet(minXM: number, minYM: number, maxXM: number, maxYM: number, marginM: number, stepM = 25): boolean {
    const steps = Math.max(1, Math.ceil((maxXM - minXM) / stepM));
    for (let i = 0; i <= steps; i++) {
      const xM = minXM + ((maxXM - minXM) * i) / steps;
      const reachM = this.halfWidthM(xM) + marginM;
      const centreYM = this.centreYM(xM);
      if (centreYM + reachM > minYM && centreYM - reachM < maxYM) return true;
    }
    return false;
  }
}
