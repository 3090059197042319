/**
 * Quantises per-link traffic into the wire's traffic frame: whole km/h,
 * whole vehicles per km per lane, whole vehicles per hour, each clamped to
 * its array type so an outlier cannot wrap around.
 */
import { type TrafficFrame, encodeTrafficFrame } from '../protocol';
import type { LinkTraffic } from '../sources/live-source';

function quantise<T extends Uint8Array | Uint16Array>(values: Float32Array, target: T, max: number): T {
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    target[i] = value > 0 ? Math.min(max, Math.round(value)) : 0;
  }
  return target;
}

export function toTrafficFrame(traffic: LinkTraffic, seq: number, speedFactor: number): TrafficFrame {
  const count = traffic.speedKmh.length;
  return {
    seq,
    simTimeMs: traffic.simTimeMs,
    speedFactor,
    speedKmh: quantise(traffic.speedKmh, new Uint8Array(count), 255),
    densityVehPerKmLane: quantise(traffic.densityVehPerKmLane, new Uint8Array(count), 255),
    flowVehPerH: quantise(traffic.flowVehPerH, new Uint16Array(count), 65_535),
    level: traffic.level.slice(),
  };
}

/** Encodes the frame once; the same bytes go to every client. */
export function encodeLinkTraffic(traffic: LinkTraffic, seq: number, speedFactor: number): ArrayBuffer {
  return encodeTrafficFrame(toTrafficFrame(traffic, seq, speedFactor));
}
