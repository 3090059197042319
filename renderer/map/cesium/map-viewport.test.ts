import { describe, expect, it } from 'vitest';
import { coveredBands } from './map-viewport';

describe('coveredBands', () => {
  it('takes the band above a panel in the upper half and below one in the lower half, with a gap', () => {
    const switches = { left: 12, top: 8, right: 640, bottom: 90 };
    const legend = { left: 12, top: 560, right: 640, bottom: 620 };
    expect(coveredBands([switches, legend], 646)).toEqual({ topInsetPx: 98, bottomInsetPx: 94 });
  });

  it('ignores a panel not laid out (no height)', () => {
    expect(coveredBands([{ left: 0, top: 0, right: 0, bottom: 0 }], 646)).toEqual({ topInsetPx: 0, bottomInsetPx: 0 });
  });
});
