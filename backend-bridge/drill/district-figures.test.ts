import { describe, expect, it } from 'vitest';
import { detailFiguresSchema, parseAt } from '../protocol';
import { districtFigures } from './district-figures';
import { FIXTURE_SIM_TIME_MS, drillInputs, drillLinkTraffic } from './drill-city.fixture';

describe('districtFigures', () => {
  it("reports the district's traffic, history, alerts and devices", () => {
    const figures = districtFigures(drillInputs(), 'north');
    expect(parseAt(detailFiguresSchema, figures, 'figures')).toEqual(figures);
    expect(figures).toMatchObject({ level: 'district', districtId: 'north', travelTimeIndex: 2, avgSpeedKmh: 20, vehicles: 70 });
    expect(figures.history).toEqual([{ simTimeMs: FIXTURE_SIM_TIME_MS, travelTimeIndex: 2, avgSpeedKmh: 20 }]);
    expect(figures.openAlertsBySeverity).toEqual({ Extreme: 0, Severe: 1, Moderate: 1, Minor: 1, Unknown: 0 });
    expect(figures.devices).toEqual({ total: 2, online: 1, degraded: 1, offline: 0 });
  });

  it('lists its links by share of free-flow speed, lowest first', () => {
    // ab runs at 9 of 36 km/h (0.25), cb at 36 of 72 km/h (0.5); bs belongs to the south.
    expect(districtFigures(drillInputs(), 'north').congestedLinks).toEqual([
      { linkId: 'ab', speedKmh: 9, freeSpeedKmh: 36, congestionLevel: 3, flowVehPerH: 400 },
      { linkId: 'cb', speedKmh: 36, freeSpeedKmh: 72, congestionLevel: 2, flowVehPerH: 1200 },
    ]);
  });

  it('puts the busier link first when two run at the same share of free speed', () => {
    const links = drillLinkTraffic();
    links.speedKmh.set([18, 36]); // both at half their free speed; cb carries 1200 veh/h, ab 400
    expect(districtFigures(drillInputs({ links }), 'north').congestedLinks.map((l) => l.linkId)).toEqual(['cb', 'ab']);
  });

  it('lists its open alerts newest first, without other districts', () => {
    expect(districtFigures(drillInputs(), 'north').openAlerts.map((a) => a.id)).toEqual(['n-far', 'n-minor', 'n-severe']);
    expect(districtFigures(drillInputs(), 'north').openAlerts[0]).toEqual({
      id: 'n-far',
      kind: 'fire-alarm',
      severity: 'Moderate',
      status: 'new',
      headline: { zh: '火灾报警', en: 'Fire alarm' },
      simTimeMs: FIXTURE_SIM_TIME_MS - 30_000,
    });
  });

  it('counts its signalized intersections by mode', () => {
    expect(districtFigures(drillInputs(), 'north').signals).toEqual({ adaptive: 0, maxpressure: 0, fixed: 1 });
    expect(districtFigures(drillInputs({ modes: { modeOf: () => 'adaptive' } }), 'north').signals).toEqual({ adaptive: 1, maxpressure: 0, fixed: 0 });
    expect(districtFigures(drillInputs(), 'south').signals).toEqual({ adaptive: 0, maxpressure: 0, fixed: 0 });
  });

  it('has empty lists and zero counts for a district with nothing going on', () => {
    const figures = districtFigures(drillInputs({ openAlerts: [], devices: new Map(), area: null }), 'south');
    expect(figures).toMatchObject({ travelTimeIndex: 1, avgSpeedKmh: 36, vehicles: 0, history: [], openAlerts: [] });
    expect(figures.devices).toEqual({ total: 1, online: 0, degraded: 0, offline: 1 });
  });
});
