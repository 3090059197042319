import { describe, expect, it } from 'vitest';
import { CONGESTION_COLORS, speedRatioColor } from '../../color-scales/congestion-colors';
import { sampleHeatPoints } from './heat-points';
import { trafficCity } from './traffic-city.fixture';
import { trafficFrameBuffer } from './traffic-frame.fixture';
import {
  TrafficFrameProcessor,
  cityTrafficModel,
  frameTransferables,
  geometryTransferables,
} from './traffic-frame-processor';

const { meta, linkShapes } = trafficCity();

function processor(): TrafficFrameProcessor {
  return new TrafficFrameProcessor(cityTrafficModel(meta, linkShapes));
}

describe('TrafficFrameProcessor', () => {
  it('builds the road paths and heat points of the city once', () => {
    const { geometry } = processor();
    expect(Array.from(geometry.road.startIndices)).toEqual([0, 2, 4, 7]);
    expect(geometry.heatPositionsM).toEqual(sampleHeatPoints(linkShapes).positionsM);
  });

  it('decodes a frame and keeps its header and link arrays', () => {
    const frame = processor().process(trafficFrameBuffer({ seq: 42, speedFactor: 10 }), 1000);
    expect(frame).toMatchObject({ seq: 42, speedFactor: 10, receivedAtMs: 1000 });
    expect(Array.from(frame.speedKmh)).toEqual([60, 0, 20]);
    expect(Array.from(frame.level)).toEqual([0, 4, 2]);
  });

  it('weights the heat points of each link by its density', () => {
    const frame = processor().process(trafficFrameBuffer(), 0);
    expect(frame.heatWeights[0]).toBe(10);
    expect(frame.heatWeights[10]).toBe(150);
    expect(frame.heatWeights.at(-1)).toBe(40);
  });

  it('colours every vertex of a link by its speed against its free-flow speed', () => {
    const frame = processor().process(trafficFrameBuffer(), 0);
    const vertex = (v: number) => Array.from(frame.roadColors.subarray(4 * v, 4 * v + 4));
    expect(vertex(0)).toEqual([...CONGESTION_COLORS.free, 255]);
    expect(vertex(1)).toEqual(vertex(0));
    expect(vertex(3)).toEqual([...CONGESTION_COLORS.jammed, 255]);
    // 20 of 40 km/h on the north link.
    expect(vertex(6)).toEqual([...speedRatioColor(0.5, new Uint8Array(3)), 255]);
  });

  it('gives every vertex its link’s pulse phase and rate, moving the phases on between frames', () => {
    const traffic = processor();
    traffic.process(trafficFrameBuffer(), 0);
    const frame = traffic.process(trafficFrameBuffer({ seq: 2 }), 500);
    const rates = frame.flowPulses.filter((_, i) => i % 2 === 1);
    const phases = frame.flowPulses.filter((_, i) => i % 2 === 0);
    expect(Array.from(rates)).toEqual([1.5, 1.5, 0, 0, 0.5, 0.5, 0.5]);
    expect(phases[0]).toBeCloseTo(0.75, 6);
    expect(phases[1]).toBeCloseTo(0.75, 6);
    expect(phases[4]).toBeCloseTo(0.25, 6);
  });

  it('holds the pulses still while the sim is paused', () => {
    const frame = processor().process(trafficFrameBuffer({ speedFactor: 0 }), 0);
    expect(new Set(frame.flowPulses.filter((_, i) => i % 2 === 1))).toEqual(new Set([0]));
  });

  it('rejects a frame for a different number of links', () => {
    const buffer = trafficFrameBuffer({
      speedKmh: new Uint8Array(2),
      densityVehPerKmLane: new Uint8Array(2),
      flowVehPerH: new Uint16Array(2),
      level: new Uint8Array(2),
    });
    expect(() => processor().process(buffer, 0)).toThrow('traffic frame: speedKmh holds 2 values for 3 links');
  });

  it('lists each buffer of a frame once for transfer, the received one included', () => {
    const buffer = trafficFrameBuffer();
    const transferables = frameTransferables(processor().process(buffer, 0));
    expect(transferables).toContain(buffer);
    expect(new Set(transferables).size).toBe(transferables.length);
  });

  it('keeps decoding after handing its geometry over', () => {
    const traffic = processor();
    structuredClone(traffic.geometry, { transfer: geometryTransferables(traffic.geometry) });
    expect(traffic.geometry.road.positionsM).toHaveLength(0);
    expect(traffic.process(trafficFrameBuffer(), 0).roadColors).toHaveLength(4 * 7);
  });
});

describe('cityTrafficModel', () => {
  it("takes each link's lanes and free-flow speed in link order", () => {
    const model = cityTrafficModel(meta, linkShapes);
    expect(Array.from(model.lanes)).toEqual([2, 2, 1]);
    expect(Array.from(model.freeSpeedKmh)).toEqual([60, 60, 40]);
  });
});
