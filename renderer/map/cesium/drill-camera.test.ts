import { ringHolds } from '@common/geo/ring-locator';
import { describe, expect, it } from 'vitest';
import { createCityLookup } from '../../features/drill/city-lookup';
import { drillCity } from '../../features/drill/drill-city.fixture';
import { DEVICE_HEIGHT_M, INTERSECTION_HEIGHT_M, drillView, headingInside } from './drill-camera';

const { meta } = drillCity();
const lookup = createCityLookup(meta);
const midpoint = () => [0, -3] as [number, number];
const heightM = (view: { rangeM: number; pitchDeg: number }) => view.rangeM * Math.sin((-view.pitchDeg * Math.PI) / 180);

describe('camera views of drill targets', () => {
  it('leaves the city to the overview', () => {
    expect(drillView(lookup, { level: 'city' }, midpoint)).toBeNull();
  });

  it('frames a district with some margin around its bounds', () => {
    const view = drillView(lookup, { level: 'district', id: 'east' }, midpoint)!;
    expect([view.xM, view.yM]).toEqual([500, 0]);
    expect(view.rangeM).toBeGreaterThan(1000);
  });

  it('stands about 400 m above an intersection and 150 m above a device, looking down at 45°', () => {
    const node = drillView(lookup, { level: 'intersection', id: 'N1' }, midpoint)!;
    expect(heightM(node)).toBeCloseTo(INTERSECTION_HEIGHT_M, 6);
    expect(node.pitchDeg).toBe(-45);
    const device = drillView(lookup, { level: 'device', id: 'FA-3' }, midpoint)!;
    expect(heightM(device)).toBeCloseTo(DEVICE_HEIGHT_M, 6);
  });

  it('is null for an unknown id', () => {
    expect(drillView(lookup, { level: 'link', id: 'nope' }, midpoint)).toBeNull();
  });
});

describe('headingInside', () => {
  it('turns the camera so that it stands inside the district', () => {
    // A point 10 m inside the west edge of "east": behind it at the default heading (15°), 300 m back, a camera would stand in "west".
    const ring = lookup.districts.get('east')!.ringM;
    const horizontalM = 300;
    const heading = headingInside(ring, 10, 0, horizontalM);
    expect(heading).not.toBe(15);
    const rad = (heading * Math.PI) / 180;
    expect(ringHolds(ring, 10 - horizontalM * Math.sin(rad), -horizontalM * Math.cos(rad))).toBe(true);
  });
});
