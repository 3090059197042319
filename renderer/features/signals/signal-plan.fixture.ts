/** A two-phase plan (north–south, then east–west) for the signal panel's tests. */
import type { Movement, SignalPlan } from '@protocol';

export function twoPhasePlan(overrides: Partial<SignalPlan> = {}): SignalPlan {
  return {
    nodeId: 'n1',
    version: 3,
    cycleS: 60,
    offsetS: 0,
    phases: [
      {
        id: 'ns',
        name: { zh: '南北直行', en: 'North–south' },
        movementIds: ['l-n>l-s', 'l-s>l-n'],
        greenS: 25,
        yellowS: 3,
        allRedS: 2,
        minGreenS: 8,
        pedClearanceS: 12,
      },
      {
        id: 'ew',
        name: { zh: '东西直行', en: 'East–west' },
        movementIds: ['l-e>l-w', 'l-w>l-e'],
        greenS: 25,
        yellowS: 3,
        allRedS: 2,
        minGreenS: 8,
        pedClearanceS: 12,
      },
    ],
    ...overrides,
  };
}

/** The movements of `twoPhasePlan`'s node: straight through from each side. */
export const TWO_PHASE_MOVEMENTS: Movement[] = [
  { id: 'l-n>l-s', inLinkId: 'l-n', outLinkId: 'l-s', turn: 'through' },
  { id: 'l-s>l-n', inLinkId: 'l-s', outLinkId: 'l-n', turn: 'through' },
  { id: 'l-e>l-w', inLinkId: 'l-e', outLinkId: 'l-w', turn: 'through' },
  { id: 'l-w>l-e', inLinkId: 'l-w', outLinkId: 'l-e', turn: 'through' },
];

/** Travel bearings of its in-links, degrees clockwise from north: l-n comes from the north heading south, and so on. */
export const TWO_PHASE_BEARINGS: ReadonlyMap<string, number> = new Map([
  ['l-n', 180],
  ['l-s', 0],
  ['l-e', 270],
  ['l-w', 90],
]);
