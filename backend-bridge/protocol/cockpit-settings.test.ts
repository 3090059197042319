import { describe, expect, it } from 'vitest';
import { DEFAULT_COCKPIT_SETTINGS, checkCockpitSettings } from './cockpit-settings';

describe('cockpit settings', () => {
  it('fills in the documented targets and page time when the section is empty', () => {
    expect(DEFAULT_COCKPIT_SETTINGS).toEqual({
      targets: { ttiMax: 1.5, meanTimeToResolveMaxMin: 30, avgSpeedMinKmh: 25, severeOpenAlertsMax: 3 },
      tvPageS: 20,
    });
  });

  it('keeps a target that is set and defaults the others', () => {
    expect(checkCockpitSettings({ targets: { ttiMax: 1.8 } }).targets).toMatchObject({ ttiMax: 1.8, meanTimeToResolveMaxMin: 30 });
  });

  it('names the field of a target that cannot be met or read', () => {
    expect(() => checkCockpitSettings({ targets: { ttiMax: 0.5 } })).toThrow('cockpit.targets.ttiMax');
    expect(() => checkCockpitSettings({ tvPageS: 1 })).toThrow('cockpit.tvPageS');
    expect(() => checkCockpitSettings({ targets: { speed: 3 } })).toThrow('cockpit.targets');
  });
});
