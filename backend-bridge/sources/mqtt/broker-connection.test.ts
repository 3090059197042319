import { describe, expect, it } from 'vitest';
import { BrokerConnection } from './broker-connection';

describe('the reconnect backoff', () => {
  it('doubles per failed attempt up to its ceiling, with jitter that only shortens it', () => {
    const delays = [0, 1, 2, 3, 10].map((failures) => BrokerConnection.backoffMs(failures, 500, 30_000, 1));
    expect(delays).toEqual([500, 1000, 2000, 4000, 30_000]);
    expect(BrokerConnection.backoffMs(2, 500, 30_000, 0)).toBe(1000);
    expect(BrokerConnection.backoffMs(1000, 500, 30_000, 0.5)).toBe(22_500);
  });
});
