import { describe, expect, it } from 'vitest';
import { tinyCity } from '../city/tiny-city.fixture';
import { IncidentAlerts } from './incident-alerts';

const incident = (id: string, capacityFactor = 0.2) => ({ id, linkId: 'l1', capacityFactor, startSimTimeMs: 60_000, endSimTimeMs: 60_000 + 30 * 60_000 });

describe('IncidentAlerts', () => {
  it('raises a traffic-accident alert on the incident’s link, with the incident id, once', () => {
    const feed = new IncidentAlerts(tinyCity());
    const [draft] = feed.newIncidents([incident('inc-1')]);
    expect(draft).toMatchObject({
      kind: 'traffic-accident',
      source: 'simulator',
      category: 'Transport',
      severity: 'Severe',
      linkId: 'l1',
      incidentId: 'inc-1',
      districtId: 'd1',
      area: { shape: 'point', xM: -40, yM: 0 },
      simTimeMs: 60_000,
      headline: { en: 'Traffic accident on East Rd' },
    });
    expect(feed.newIncidents([incident('inc-1')])).toEqual([]);
  });

  it('raises only for new incidents and nothing when one clears', () => {
    const feed = new IncidentAlerts(tinyCity());
    feed.newIncidents([incident('inc-1')]);
    expect(feed.newIncidents([incident('inc-1'), incident('inc-2', 0.7)]).map((d) => [d.incidentId, d.severity])).toEqual([['inc-2', 'Minor']]);
    expect(feed.newIncidents([incident('inc-2')])).toEqual([]);
    expect(feed.newIncidents([])).toEqual([]);
  });
});
