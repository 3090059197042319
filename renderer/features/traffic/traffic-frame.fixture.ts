/** Binary traffic frames for the traffic tests, as the bridge encodes them. */
import { type TrafficFrame, encodeTrafficFrame } from '@protocol/traffic';

/** A frame for the three links of `trafficCity()`; fields may be overridden. */
export function trafficFrameBuffer(overrides: Partial<TrafficFrame> = {}): ArrayBuffer {
  return encodeTrafficFrame({
    seq: 1,
    simTimeMs: Date.UTC(2030, 0, 1, 0, 30),
    speedFactor: 1,
    // Free flow east, stopped west, half speed north.
    speedKmh: new Uint8Array([60, 0, 20]),
    densityVehPerKmLane: new Uint8Array([10, 150, 40]),
    flowVehPerH: new Uint16Array([900, 0, 300]),
    level: new Uint8Array([0, 4, 2]),
    ...overrides,
  });
}
