import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { trafficCity } from '../../features/traffic/traffic-city.fixture';
import { trafficFrameBuffer } from '../../features/traffic/traffic-frame.fixture';
import { TrafficFrameProcessor, cityTrafficModel } from '../../features/traffic/traffic-frame-processor';
import type { DeckCameraView } from './camera-sync';
import { type TrafficLayerInputs, heatmapLayer, roadFlowLayer } from './traffic-layers';

const { meta, linkShapes } = trafficCity();
const processor = new TrafficFrameProcessor(cityTrafficModel(meta, linkShapes));
const first = processor.process(trafficFrameBuffer({ seq: 1 }), 1000);
const second = processor.process(trafficFrameBuffer({ seq: 2 }), 1250);
const view: DeckCameraView = {
  viewState: { longitude: 120.19, latitude: 30.26, zoom: 14, pitch: 40, bearing: 10 },
  fovy: 36,
  modelMatrix: new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 3, 1]),
};

function layers(overrides: Partial<TrafficLayerInputs> = {}, visible = true) {
  const inputs: TrafficLayerInputs = {
    geometry: processor.geometry,
    frame: second,
    heatFrame: first,
    originLngLat: [meta.origin.lonDeg, meta.origin.latDeg],
    view,
    still: false,
    viewHeightPx: 1080,
    nowMs: 1750,
    ...overrides,
  };
  return { heatmap: heatmapLayer(inputs, visible), flow: roadFlowLayer(inputs, visible) };
}

type Binary = { attributes: Record<string, { value: unknown; size: number }>; startIndices?: unknown; length: number };

describe('the traffic layers', () => {
  it('draws both layers in metres from the city origin', () => {
    const { heatmap, flow } = layers();
    for (const layer of [heatmap, flow]) {
      expect(layer.props.coordinateSystem).toBe(COORDINATE_SYSTEM.METER_OFFSETS);
      expect(layer.props.coordinateOrigin).toEqual([120.19, 30.26, 0]);
    }
  });

  it('weights the heat points with the heat frame, which may lag the roads', () => {
    const data = layers().heatmap.props.data as unknown as Binary;
    expect(data.attributes.getWeight?.value).toBe(first.heatWeights);
    expect(data.attributes.getPosition?.value).toBe(processor.geometry.heatPositionsM);
    expect(data.length).toBe(first.heatWeights.length);
  });

  it("colours and pulses the roads from the newest frame, levelled by the camera's model matrix", () => {
    const { flow } = layers();
    const data = flow.props.data as unknown as Binary;
    expect(data.startIndices).toBe(processor.geometry.road.startIndices);
    expect(data.length).toBe(3);
    expect(data.attributes.getColor?.value).toBe(second.roadColors);
    expect(data.attributes.getFlowPulse?.value).toBe(second.flowPulses);
    expect(data.attributes.getPath?.value).toBe(processor.geometry.road.positionsM);
    expect(flow.props.modelMatrix).toBe(view.modelMatrix);
  });

  it('moves the pulses on by the time since their frame arrived', () => {
    expect(layers().flow.props).toMatchObject({ elapsedS: 0.5, pulseStrength: 1 });
  });

  it('leaves the pulses out for a viewer who asked for reduced motion', () => {
    expect(layers({ still: true }).flow.props).toMatchObject({ pulseStrength: 0 });
  });

  it('keeps every attribute descriptor while its array stays, so deck.gl uploads only what a new frame changed', () => {
    const before = layers().flow.props.data as unknown as Binary;
    const nextDraw = layers({ nowMs: 1800 }).flow.props.data as unknown as Binary;
    expect(nextDraw.attributes).toEqual(before.attributes);
    Object.keys(before.attributes).forEach((name) => expect(nextDraw.attributes[name]).toBe(before.attributes[name]));

    const newFrame = layers({ frame: first }).flow.props.data as unknown as Binary;
    expect(newFrame.attributes.getPath).toBe(before.attributes.getPath);
    expect(newFrame.attributes.getColor).not.toBe(before.attributes.getColor);

    const heatBefore = layers().heatmap.props.data as unknown as Binary;
    expect((layers({ nowMs: 1800 }).heatmap.props.data as unknown as Binary).attributes.getWeight).toBe(heatBefore.attributes.getWeight);
    const heatAfter = layers({ heatFrame: second }).heatmap.props.data as unknown as Binary;
    expect(heatAfter.attributes.getPosition).toBe(heatBefore.attributes.getPosition);
    expect(heatAfter.attributes.getWeight).not.toBe(heatBefore.attributes.getWeight);
  });

  it('hides a layer that is switched off instead of dropping it, so it keeps its GPU state', () => {
    const { heatmap, flow } = layers({}, false);
    expect(heatmap.props.visible).toBe(false);
    expect(flow.props.visible).toBe(false);
  });

  it('widens the heat blur and the thinnest roads with the height of the view, for a wall read from afar', () => {
    expect(layers().heatmap.props).toMatchObject({ radiusPixels: 24 });
    expect(layers().flow.props).toMatchObject({ widthMinPixels: 2 });
    expect(layers({ viewHeightPx: 2160 }).heatmap.props).toMatchObject({ radiusPixels: 48 });
    expect(layers({ viewHeightPx: 2160 }).flow.props).toMatchObject({ widthMinPixels: 4 });
    expect(layers({ viewHeightPx: 700 }).heatmap.props).toMatchObject({ radiusPixels: 24 });
  });
});
