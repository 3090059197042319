/**
 * How much traffic a typical weekday generates at each hour, relative to the
 * morning peak hour (≈ 1 at 08:00): a night floor, a sharp morning commute,
 * a broad midday level and a longer, slightly lower evening commute.
 *
 * Each bump is a bell curve over the circular distance between hours, so the
 * curve is smooth across midnight too.
 */

/** A bell curve over the hours of the day. */
export interface DailyBump {
  /** Local hour of the bump's top. */
  hour: number;
  /** Spread, hours (one standard deviation). */
  spreadH: number;
  /** Height added at the top; negative for a dip. */
  height: number;
}

/** `base` plus every bump's height at a local hour (any real number; taken modulo 24, so smooth across midnight). */
export function dailyBumpsAt(base: number, bumps: readonly DailyBump[], localHour: number): number {
  let value = base;
  for (const bump of bumps) {
    const distanceH = Math.abs(((((localHour - bump.hour) % 24) + 36) % 24) - 12);
    const z = distanceH / bump.spreadH;
    value += bump.height * Math.exp(-0.5 * z * z);
  }
  return value;
}

const NIGHT_FLOOR = 0.05;
const BUMPS: readonly DailyBump[] = [
  { hour: 8, spreadH: 1, height: 0.88 },
  { hour: 13, spreadH: 2.6, height: 0.45 },
  { hour: 18, spreadH: 1.3, height: 0.8 },
];

/** Demand factor at a local hour of the day (any real number; taken modulo 24). */
export function demandFactorAt(localHour: number): number {
  return dailyBumpsAt(NIGHT_FLOOR, BUMPS, localHour);
}

/** Mean of the demand factor over a whole day (integrated minute by minute). */
export function dailyMeanDemandFactor(): number {
  const minutes = 24 * 60;
  let sum = 0;
  for (let minute = 0; minute < minutes; minute++) sum += demandFactorAt((minute + 0.5) / 60);
  return sum / minutes;
}
