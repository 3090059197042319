/** A plan phase for tests: named by its id in both languages, 3 s yellow, 2 s all-red, 7 s minimum, no pedestrians unless told. */
import type { SignalPhase } from './signals';

export const testPhase = (id: string, movementIds: string[], greenS: number, more: Partial<SignalPhase> = {}): SignalPhase => ({
  id,
  name: { zh: id, en: id },
  movementIds,
  greenS,
  yellowS: 3,
  allRedS: 2,
  minGreenS: 7,
  pedClearanceS: 0,
  ...more,
});
