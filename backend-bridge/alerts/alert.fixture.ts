/**
 * Builds valid alerts for tests: every required field filled with plain
 * values, any of them overridable.
 */
import type { Alert } from '../protocol/alerts';

export function testAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'a-1',
    seq: 1,
    kind: 'fire-alarm',
    source: 'demo',
    category: 'Fire',
    urgency: 'Immediate',
    severity: 'Severe',
    certainty: 'Observed',
    headline: { zh: '火灾报警', en: 'Fire alarm' },
    description: { zh: '烟感报警', en: 'Smoke detector triggered' },
    area: { shape: 'point', xM: 0, yM: 0 },
    districtId: 'd1',
    simTimeMs: 1_717_369_200_000,
    sentAtMs: 1_750_000_000_000,
    status: 'new',
    history: [{ atMs: 1_750_000_000_000, actor: { role: 'system', label: 'test' }, action: 'raise', status: 'new' }],
    classification: 'public',
    linkedAlertIds: [],
    ...overrides,
  };
}
