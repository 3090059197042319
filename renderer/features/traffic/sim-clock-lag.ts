/** Whether the sim runs slower than asked, by enough to tell the operator. */
import type { SimClockMessage } from '@protocol';

/** Share of the asked speed below which the sim counts as lagging. */
export const LAG_THRESHOLD = 0.9;

/** The achieved and asked speed factors while the running sim lags behind; null otherwise. */
export function simClockLag(clock: SimClockMessage | null): { achieved: number; asked: number } | null {
  if (!clock || clock.paused || clock.achievedSpeedFactor >= clock.speedFactor * LAG_THRESHOLD) return null;
  return { achieved: clock.achievedSpeedFactor, asked: clock.speedFactor };
}
