/**
 * A headline figure read against its target (cockpit.targets in the bridge
 * config): met or not, and by how much, so a tile can say "target ≤ 1.5 ·
 * met" instead of leaving the reader to judge a bare number.
 */

/** `at-most`: the figure should stay at or below the target (index, alerts, minutes); `at-least`: at or above it (speed). */
export type TargetDirection = 'at-most' | 'at-least';

export interface TargetReading {
  target: number;
  direction: TargetDirection;
  /** Whether the figure meets the target; null while the figure is unknown. */
  met: boolean | null;
}

/** Reads `value` against `target`; a figure exactly on the target meets it. */
export function readTarget(value: number | null, target: number, direction: TargetDirection): TargetReading {
  if (value === null || !Number.isFinite(value)) return { target, direction, met: null };
  return { target, direction, met: direction === 'at-most' ? value <= target : value >= target };
}

/** The comparison sign a target is shown with. */
export const targetSign = (direction: TargetDirection): string => (direction === 'at-most' ? '≤' : '≥');
