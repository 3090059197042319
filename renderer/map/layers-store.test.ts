import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultVisibility, parseStoredVisibility, useLayersStore } from './layers-store';

describe('parseStoredVisibility', () => {
  it('shows every layer when nothing is stored', () => {
    expect(parseStoredVisibility(null)).toEqual(defaultVisibility());
  });

  it('keeps stored booleans and ignores unknown keys and wrong types', () => {
    expect(parseStoredVisibility('{"buildings":false,"roads":"no","rockets":true,"heatmap":false}')).toEqual({
      buildings: false,
      roads: true,
      districts: true,
      heatmap: false,
      flow: true,
    });
  });

  it('shows the traffic layers to a browser that stored its choice before they existed', () => {
    const stored = parseStoredVisibility('{"buildings":true,"roads":false,"districts":true}');
    expect(stored.heatmap).toBe(true);
    expect(stored.flow).toBe(true);
  });

  it('falls back to the defaults for damaged JSON', () => {
    expect(parseStoredVisibility('{"buildings":')).toEqual(defaultVisibility());
  });
});

describe('useLayersStore', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('toggles one layer without touching the others', () => {
    const layers = useLayersStore();
    layers.toggle('buildings');
    expect(layers.visible).toEqual({ buildings: false, roads: true, districts: true, heatmap: true, flow: true });
  });
});
