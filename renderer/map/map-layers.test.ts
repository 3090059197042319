import { describe, expect, it } from 'vitest';
import { defaultVisibility } from './layers-store';
import { CESIUM_LAYERS, DECK_LAYERS, MAP_LAYERS, MARKER_LAYERS, TOGGLED_LAYERS, shownLayers } from './map-layers';
import { DENSITY_LEGEND, SPEED_LEGEND } from './traffic-legends';

describe('the map layer registry', () => {
  it('offers the switches in their order, every one on until switched off', () => {
    expect(TOGGLED_LAYERS.map((layer) => layer.id)).toEqual(['buildings', 'roads', 'districts', 'heatmap', 'flow']);
    expect(defaultVisibility()).toEqual({ buildings: true, roads: true, districts: true, heatmap: true, flow: true });
  });

  it('draws the city in Cesium, the traffic in deck.gl with the heatmap under the road flow, and alerts as markers', () => {
    expect(CESIUM_LAYERS.map((layer) => layer.id)).toEqual(['buildings', 'roads', 'districts']);
    expect(DECK_LAYERS.map((layer) => layer.id)).toEqual(['heatmap', 'flow']);
    expect(MARKER_LAYERS.map((layer) => layer.id)).toEqual(['alerts']);
  });

  it('gives every layer an id of its own', () => {
    expect(new Set(MAP_LAYERS.map((layer) => layer.id)).size).toBe(MAP_LAYERS.length);
  });

  it('shows what is switched on, and the alert markers, which have no switch', () => {
    const shown = shownLayers({ ...defaultVisibility(), roads: false, heatmap: false }, 'twin');
    expect([...shown].sort()).toEqual(['alerts', 'buildings', 'districts', 'flow']);
  });

  it('leaves the buildings out of a traffic map whatever their switch says', () => {
    expect(shownLayers(defaultVisibility(), 'traffic').has('buildings')).toBe(false);
    expect(shownLayers(defaultVisibility(), 'traffic').has('flow')).toBe(true);
  });

  it('gives the road flow the speed legend and the heatmap the density legend', () => {
    const legendOf = (id: string) => MAP_LAYERS.find((layer) => layer.id === id)?.legend;
    expect(legendOf('flow')).toBe(SPEED_LEGEND);
    expect(legendOf('heatmap')).toBe(DENSITY_LEGEND);
  });
});

describe('the traffic legends', () => {
  it('marks the congestion level bounds on the speed bar and names the levels, slowest first', () => {
    expect(SPEED_LEGEND.ticks.map((tick) => [tick.value, tick.atPercent])).toEqual([[20, 20], [35, 35], [55, 55], [75, 75]]);
    expect(SPEED_LEGEND.titleKeys[0]).toBe('traffic.levels.jammed');
    expect(SPEED_LEGEND.titleKeys.at(-1)).toBe('traffic.levels.free');
  });

  it('spaces the density ticks evenly and keeps the end labels inside the bar', () => {
    const ticks = DENSITY_LEGEND.ticks;
    expect(ticks.map((tick) => Math.round(tick.atPercent * 100) / 100)).toEqual([0, 33.33, 66.67, 100]);
    expect(ticks.map((tick) => tick.align)).toEqual(['start', 'centre', 'centre', 'end']);
  });
});
