import { describe, expect, it } from 'vitest';
import { emptyAreaSpeedsKmh, trafficFiguresByArea } from './area-figures';

// Two districts: a 1 km link at 20 m/s in district 0, a 3 km link at 10 m/s in district 1.
const links = { count: 2, lengthM: [1000, 3000], freeSpeedMps: [20, 10], district: [0, 1] };
const empty = emptyAreaSpeedsKmh(links, 2);

describe('area figures', () => {
  it('give an empty area its length-weighted free speed', () => {
    // The city: 4 km in 50 s + 300 s at free speed.
    expect(empty.city).toBeCloseTo((3.6 * 4000) / 350, 9);
    expect(empty.districts).toEqual([72, 36]);
    const figures = trafficFiguresByArea(links, ['a', 'b'], { vehMetres: [0, 0], vehSeconds: [0, 0], vehicles: [0, 0] }, empty);
    expect(figures.districts[1]).toEqual({ districtId: 'b', avgSpeedKmh: 36, travelTimeIndex: 1, vehicles: 0 });
  });

  it('weigh each link by the distance travelled on it', () => {
    // District 0 at half its free speed; district 1 at free speed, with three times the distance.
    const figures = trafficFiguresByArea(links, ['a', 'b'], { vehMetres: [1000, 3000], vehSeconds: [100, 300], vehicles: [2, 3] }, empty);
    expect(figures.districts[0]).toEqual({ districtId: 'a', avgSpeedKmh: 36, travelTimeIndex: 2, vehicles: 2 });
    expect(figures.city.avgSpeedKmh).toBeCloseTo(36, 9);
    expect(figures.city.travelTimeIndex).toBeCloseTo(400 / 350, 9);
    expect(figures.city.vehicles).toBe(5);
  });
});
