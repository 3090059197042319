import { describe, expect, it } from 'vitest';
import { timeZoneAt } from './zone-at';

describe('timeZoneAt', () => {
  it('names the zone of a place from its coordinates', () => {
    expect(timeZoneAt({ lonDeg: 6.96, latDeg: 50.94 })).toBe('Europe/Berlin'); // Cologne
    expect(timeZoneAt({ lonDeg: 11.43, latDeg: 48.76 })).toBe('Europe/Berlin'); // Ingolstadt
    expect(timeZoneAt({ lonDeg: 120.19, latDeg: 30.26 })).toBe('Asia/Shanghai'); // Hangzhou
  });

  it('refuses a point that is not on the globe', () => {
    expect(() => timeZoneAt({ lonDeg: 0, latDeg: 95 })).toThrow();
  });
});
