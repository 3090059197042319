/**
 * Webster's method for fixed-time signals (Webster 1958, Road Research
 * Technical Paper 39): the cycle that minimises delay and green splits in
 * proportion to each phase's critical flow ratio y = flow / saturation flow.
 */

/**
 * Webster's optimum cycle, C0 = (1.5·L + 5) / (1 − Y), seconds; Infinity
 * when the crossing is at or over capacity (Y ≥ 1).
 *
 * @param lostTimeS time lost to clearances per cycle (L), seconds
 * @param criticalRatioSum Y, the sum of the phases' critical flow ratios
 */
export function websterCycleS(lostTimeS: number, criticalRatioSum: number): number {
  if (criticalRatioSum >= 1) return Infinity;
  return (1.5 * lostTimeS + 5) / (1 - criticalRatioSum);
}

/**
 * Splits the effective green of a cycle over the phases in proportion to
 * their critical flow ratios. A phase whose share would fall below its
 * minimum gets the minimum and the others share what is left; phases with
 * no demand share equally when no phase has any. When the minimums alone
 * exceed the green, every phase gets its minimum.
 */
export function splitGreensS(effectiveGreenS: number, criticalRatios: readonly number[], minGreensS: readonly number[]): number[] {
  const atMinimum = criticalRatios.map(() => false);
  for (;;) {
    const fixedS = minGreensS.reduce((sum, min, i) => sum + (atMinimum[i] ? min : 0), 0);
    const free = criticalRatios.map((_, i) => i).filter((i) => !atMinimum[i]);
    const freeRatio = free.reduce((sum, i) => sum + criticalRatios[i]!, 0);
    const shareOf = (i: number) => (freeRatio > 0 ? criticalRatios[i]! / freeRatio : 1 / free.length);
    const greens = criticalRatios.map((_, i) => (atMinimum[i] ? minGreensS[i]! : (effectiveGreenS - fixedS) * shareOf(i)));
    const short = free.filter((i) => greens[i]! < minGreensS[i]!);
    if (short.length === 0) return greens;
    for (const i of short) atMinimum[i] = true;
  }
}

/**
 * Rounds greens to whole seconds that add up to `totalS` (itself whole),
 * giving the spare seconds to the largest remainders. Controllers time in
 * whole seconds, and so does the simulation step.
 */
export function wholeSeconds(greensS: readonly number[], totalS: number): number[] {
  const whole = greensS.map(Math.floor);
  const order = greensS.map((g, i) => ({ i, remainder: g - Math.floor(g) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  let spare = totalS - whole.reduce((sum, g) => sum + g, 0);
  for (let k = 0; spare > 0; k = (k + 1) % order.length, spare--) whole[order[k]!.i]!++;
  return whole;
}
