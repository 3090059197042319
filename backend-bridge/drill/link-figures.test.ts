import { describe, expect, it } from 'vitest';
import { detailFiguresSchema, parseAt } from '../protocol';
import { drillInputs, drillLinkTraffic } from './drill-city.fixture';
import { linkFigures } from './link-figures';

describe('linkFigures', () => {
  it("reports the link's speed, congestion, flow, density and travel time", () => {
    const figures = linkFigures(drillInputs(), 0);
    expect(parseAt(detailFiguresSchema, figures, 'figures')).toEqual(figures);
    expect(figures).toMatchObject({
      level: 'link',
      linkId: 'ab',
      districtId: 'north',
      speedKmh: 9,
      freeSpeedKmh: 36,
      congestionLevel: 3,
      flowVehPerH: 400,
      densityVehPerKmLane: 60,
      travelTimeS: 40, // 100 m at 2.5 m/s
    });
  });

  it('measures nearby alerts from the whole polyline, nearest first', () => {
    // n-minor is 5 m off the end at b; n-severe 100 m north of the middle of ab; n-far 400 m, s-extreme 500 m away.
    const rows = linkFigures(drillInputs(), 0).nearbyAlerts;
    expect(rows.map((r) => [r.id, r.distanceM])).toEqual([
      ['n-minor', 5],
      ['n-severe', 100],
    ]);
    // bs runs 500 m south from b: s-extreme sits on its end.
    expect(linkFigures(drillInputs(), 2).nearbyAlerts.map((r) => [r.id, r.distanceM])).toEqual([
      ['s-extreme', 0],
      ['n-minor', 5],
      ['n-severe', Math.hypot(50, 100)],
    ]);
  });

  it('gives a standing link a long but finite travel time', () => {
    const links = drillLinkTraffic();
    links.speedKmh[0] = 0;
    expect(linkFigures(drillInputs({ links }), 0).travelTimeS).toBe(360); // 100 m at 1 km/h
  });

  it('shows an empty link at its free speed before the first traffic', () => {
    expect(linkFigures(drillInputs({ links: null, openAlerts: [] }), 1)).toMatchObject({
      speedKmh: 72,
      congestionLevel: 0,
      flowVehPerH: 0,
      travelTimeS: 5,
      nearbyAlerts: [],
    });
  });
});
