import { describe, expect, it } from 'vitest';
import { pickMarker } from './marker-picking';

describe('pickMarker', () => {
  const markers = [
    { id: 'a', xPx: 100, yPx: 100, reachPx: 20 },
    { id: 'b', xPx: 120, yPx: 100, reachPx: 20 },
    { id: 'hidden', xPx: null, yPx: null, reachPx: 20 },
  ];

  it('picks the nearest marker when two overlap the click', () => {
    expect(pickMarker(markers, 112, 100)).toBe('b');
    expect(pickMarker(markers, 105, 102)).toBe('a');
  });

  it('picks nothing beyond reach or for markers off screen', () => {
    expect(pickMarker(markers, 100, 130)).toBeNull();
    expect(pickMarker([], 0, 0)).toBeNull();
  });
});
