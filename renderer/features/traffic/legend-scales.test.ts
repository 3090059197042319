import { describe, expect, it } from 'vitest';
import { CONGESTION_COLORS } from '../../color-scales/congestion-colors';
import { HEAT_COLORS } from '../../color-scales/heat-scale';
import { HEAT_TICKS_VEH_PER_KM_LANE, SPEED_TICKS_PERCENT, heatRampCss, speedRampCss } from './legend-scales';

describe('speedRampCss', () => {
  it('runs from jammed at standstill to free flow, with the colours where the layer puts them', () => {
    const css = speedRampCss();
    expect(css.startsWith('linear-gradient(to right, ')).toBe(true);
    const [r, g, b] = CONGESTION_COLORS.jammed;
    expect(css).toContain(`rgb(${r} ${g} ${b} / 1) 10%`);
    expect(css).toContain(`rgb(${CONGESTION_COLORS.free.join(' ')} / 1) 87.5%`);
    expect(css.indexOf('10%')).toBeLessThan(css.indexOf('87.5%'));
  });

  it("marks the protocol's level bounds", () => {
    expect(SPEED_TICKS_PERCENT).toEqual([20, 35, 55, 75]);
  });
});

describe('heatRampCss', () => {
  it('fades in up to the lower end of the domain and ends on the hottest colour', () => {
    const css = heatRampCss();
    const [r, g, b, a] = HEAT_COLORS[0]!;
    expect(css).toContain(`rgb(${r} ${g} ${b} / 0) 0%`);
    expect(css).toContain(`rgb(${r} ${g} ${b} / ${Number((a / 255).toFixed(3))}) 8.33%`);
    expect(css.endsWith(`rgb(${HEAT_COLORS.at(-1)!.slice(0, 3).join(' ')} / 1) 100%)`)).toBe(true);
  });

  it('labels densities from none to the top of the domain', () => {
    expect(HEAT_TICKS_VEH_PER_KM_LANE).toEqual([0, 40, 80, 120]);
  });
});
