import { describe, expect, it } from 'vitest';
import { testAlert } from '../../../backend-bridge/alerts/alert.fixture';
import { createCityLookup } from '../drill/city-lookup';
import { drillCity } from '../drill/drill-city.fixture';
import { alertDrillTarget } from './alert-place';

const lookup = createCityLookup(drillCity().meta);

describe('where the drill-down follows an opened alert', () => {
  it('goes to the alert’s device when the city has it', () => {
    expect(alertDrillTarget(lookup, testAlert({ deviceId: 'CAM-1', districtId: 'west' }))).toEqual({ level: 'device', id: 'CAM-1' });
  });

  it('goes to the alert’s road link when it names one and no device', () => {
    expect(alertDrillTarget(lookup, testAlert({ linkId: 'L23', districtId: 'east' }))).toEqual({ level: 'link', id: 'L23' });
  });

  it('goes to the intersection at the alert’s spot, not the one shown before', () => {
    const alert = testAlert({ area: { shape: 'circle', xM: 520, yM: 380, radiusM: 50 }, districtId: 'east' });
    expect(alertDrillTarget(lookup, alert)).toEqual({ level: 'intersection', id: 'N3' });
  });

  it('falls back to the district when no intersection is near', () => {
    expect(alertDrillTarget(lookup, testAlert({ area: { shape: 'point', xM: 800, yM: -400 }, districtId: 'east' }))).toEqual({
      level: 'district',
      id: 'east',
    });
  });
});
