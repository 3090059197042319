import { describe, expect, it } from 'vitest';
import { testAlert } from '../../../backend-bridge/alerts/alert.fixture';
import { meanTimeToAck, meanTimeToAckBySeverity, timeToAckMs } from './time-to-ack';

describe('time to acknowledge', () => {
  it('is the wall time from raising to acknowledging, null before', () => {
    expect(timeToAckMs({ sentAtMs: 1000, acknowledgedAtMs: 61_000 })).toBe(60_000);
    expect(timeToAckMs({ sentAtMs: 1000 })).toBeNull();
  });

  it('averages only acknowledgements made since the given time', () => {
    const alerts = [
      testAlert({ id: 'a', sentAtMs: 10_000, acknowledgedAtMs: 70_000 }),
      testAlert({ id: 'b', sentAtMs: 10_000, acknowledgedAtMs: 190_000 }),
      testAlert({ id: 'yesterday', sentAtMs: 0, acknowledgedAtMs: 5_000 }),
      testAlert({ id: 'waiting', sentAtMs: 10_000 }),
    ];
    expect(meanTimeToAck(alerts, 6_000)).toEqual({ meanMs: 120_000, count: 2 });
    expect(meanTimeToAck([], 0)).toEqual({ meanMs: null, count: 0 });
  });

  it('splits the mean by severity', () => {
    const bySeverity = meanTimeToAckBySeverity([testAlert({ severity: 'Minor', sentAtMs: 0, acknowledgedAtMs: 30_000 })], 0);
    expect(bySeverity.Minor).toEqual({ meanMs: 30_000, count: 1 });
    expect(bySeverity.Extreme.meanMs).toBeNull();
  });
});
