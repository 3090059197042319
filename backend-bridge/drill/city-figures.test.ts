import { describe, expect, it } from 'vitest';
import { detailFiguresSchema, parseAt } from '../protocol';
import { cityFigures } from './city-figures';
import { CityIndex } from './city-index';
import { FIXTURE_SIM_TIME_MS, drillAreaTraffic, drillCity, drillInputs } from './drill-city.fixture';

describe('cityFigures', () => {
  it('reports the citywide traffic, history, alerts by severity and device counts', () => {
    const figures = cityFigures(drillInputs());
    expect(parseAt(detailFiguresSchema, figures, 'figures')).toEqual(figures);
    expect(figures).toMatchObject({ level: 'city', travelTimeIndex: 1.5, avgSpeedKmh: 30, vehicles: 100 });
    expect(figures.history.map((p) => p.simTimeMs)).toEqual([FIXTURE_SIM_TIME_MS - 60_000, FIXTURE_SIM_TIME_MS]);
    expect(figures.openAlertsBySeverity).toEqual({ Extreme: 1, Severe: 1, Moderate: 1, Minor: 1, Unknown: 0 });
    // fire-s was never heard from, so it counts as offline.
    expect(figures.devices).toEqual({ total: 3, online: 1, degraded: 1, offline: 1 });
  });

  it('ranks districts by travel time index, worst first, with their open alerts', () => {
    expect(cityFigures(drillInputs()).worstDistricts).toEqual([
      { districtId: 'north', travelTimeIndex: 2, avgSpeedKmh: 20, openAlerts: 3 },
      { districtId: 'south', travelTimeIndex: 1.2, avgSpeedKmh: 33, openAlerts: 1 },
    ]);
  });

  it('breaks a tie in the index by open alerts, then keeps the city order', () => {
    const area = drillAreaTraffic();
    area.districts = area.districts.map((d) => ({ ...d, travelTimeIndex: 1.3 }));
    const southBusier = drillInputs({ area, openAlerts: drillInputs().openAlerts.map((a) => ({ ...a, districtId: 'south' })) });
    expect(cityFigures(southBusier).worstDistricts.map((d) => d.districtId)).toEqual(['south', 'north']);
    const noAlerts = drillInputs({ area, openAlerts: [] });
    expect(cityFigures(noAlerts).worstDistricts.map((d) => d.districtId)).toEqual(['north', 'south']);
  });

  it('lists at most five districts', () => {
    const city = drillCity();
    const base = city.meta.districts[0]!;
    city.meta.districts = Array.from({ length: 7 }, (_, i) => ({ ...base, id: `d${i}` }));
    expect(cityFigures(drillInputs({ index: new CityIndex(city), area: null })).worstDistricts).toHaveLength(5);
  });

  it('reads as an empty, free-flowing city before the first traffic figures', () => {
    const figures = cityFigures(drillInputs({ area: null, links: null, cityHistory: [], openAlerts: [], devices: new Map() }));
    // Length-weighted free speed: (100·36 + 100·72 + 500·36) / 700 km/h.
    expect(figures).toMatchObject({ travelTimeIndex: 1, vehicles: 0, history: [] });
    expect(figures.avgSpeedKmh).toBeCloseTo(28_800 / 700, 9);
    expect(figures.openAlertsBySeverity).toEqual({ Extreme: 0, Severe: 0, Moderate: 0, Minor: 0, Unknown: 0 });
    expect(figures.devices).toEqual({ total: 3, online: 0, degraded: 0, offline: 3 });
    expect(figures.worstDistricts.every((d) => d.travelTimeIndex === 1 && d.openAlerts === 0)).toBe(true);
  });
});
