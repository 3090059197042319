import { describe, expect, it } from 'vitest';
import { decodeTrafficFrame } from '../protocol';
import { encodeLinkTraffic, toTrafficFrame } from './traffic-frames';

const traffic = {
  simTimeMs: Date.UTC(2024, 5, 3, 0, 0, 0),
  speedKmh: new Float32Array([49.6, 0, 300, Number.NaN]),
  densityVehPerKmLane: new Float32Array([12.4, 149.5, 900, -1]),
  flowVehPerH: new Float32Array([1799.5, 0, 99_999, 10]),
  level: new Uint8Array([0, 4, 0, 2]),
};

describe('toTrafficFrame', () => {
  it('rounds to whole units and clamps to what each array type holds, never wrapping', () => {
    const frame = toTrafficFrame(traffic, 7, 60);
    expect(Array.from(frame.speedKmh)).toEqual([50, 0, 255, 0]);
    expect(Array.from(frame.densityVehPerKmLane)).toEqual([12, 150, 255, 0]);
    expect(Array.from(frame.flowVehPerH)).toEqual([1800, 0, 65_535, 10]);
  });

  it('round-trips through the wire format with its sequence number, sim time and speed', () => {
    const decoded = decodeTrafficFrame(encodeLinkTraffic(traffic, 7, 60), 4);
    expect(decoded).toMatchObject({ seq: 7, simTimeMs: traffic.simTimeMs, speedFactor: 60 });
    expect(Array.from(decoded.level)).toEqual([0, 4, 0, 2]);
  });

  it('costs about five bytes a link on the wire', () => {
    const links = 3000;
    const big = {
      simTimeMs: 0,
      speedKmh: new Float32Array(links),
      densityVehPerKmLane: new Float32Array(links),
      flowVehPerH: new Float32Array(links),
      level: new Uint8Array(links),
    };
    expect(encodeLinkTraffic(big, 1, 1).byteLength).toBeLessThan(links * 5 + 256);
  });
});
