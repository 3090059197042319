/**
 * Traffic-accident alerts from the traffic source's incidents: the same
 * event on both sides. A new incident raises an alert on its link carrying
 * the incident id; an incident that clears resolves nothing — an operator
 * closes the alert.
 */
import type { CityModel } from '../city/city-model';
import { vertexMean } from '../../common/geo/planar-measures';
import type { CapSeverity } from '../protocol/alerts';
import type { SourceIncident } from '../sources/live-source';
import type { AlertDraft } from './lifecycle';

interface LinkPlace {
  name: { zh: string; en: string };
  districtId: string;
  xM: number;
  yM: number;
  deviceId: string | undefined;
}

/** Severity by the share of capacity left: a blocked road is Severe, a narrowed one Moderate. */
function severityFor(capacityFactor: number): CapSeverity {
  if (capacityFactor <= 0.3) return 'Severe';
  return capacityFactor <= 0.6 ? 'Moderate' : 'Minor';
}

export class IncidentAlerts {
  private readonly places = new Map<string, LinkPlace>();
  /** Ids in the source's last incident list: ids are not reused, so anything else is new. */
  private active = new Set<string>();

  constructor(city: CityModel) {
    const { meta, linkShapes } = city;
    const detectorByLink = new Map(meta.devices.filter((d) => d.linkId !== undefined).map((d) => [d.linkId!, d.id]));
    meta.links.forEach((link, index) => {
      const [xM, yM] = vertexMean(linkShapes.xyM, linkShapes.pointStart[index], linkShapes.pointStart[index + 1]);
      this.places.set(link.id, { name: link.name, districtId: link.districtId, xM, yM, deviceId: detectorByLink.get(link.id) });
    });
  }

  /** Drafts for the incidents in `incidents` that were not in the previous list. */
  newIncidents(incidents: readonly SourceIncident[]): AlertDraft[] {
    const drafts = incidents.filter((incident) => !this.active.has(incident.id)).flatMap((incident) => this.draft(incident) ?? []);
    this.active = new Set(incidents.map((incident) => incident.id));
    return drafts;
  }

  private draft(incident: SourceIncident): AlertDraft | null {
    const place = this.places.get(incident.linkId);
    if (!place) return null;
    const percent = Math.round(incident.capacityFactor * 100);
    const minutes = Math.round((incident.endSimTimeMs - incident.startSimTimeMs) / 60_000);
    return {
      kind: 'traffic-accident',
      source: 'simulator',
      category: 'Transport',
      urgency: 'Immediate',
      severity: severityFor(incident.capacityFactor),
      certainty: 'Observed',
      headline: { zh: `${place.name.zh}发生交通事故`, en: `Traffic accident on ${place.name.en}` },
      description: {
        zh: `通行能力降至${percent}%，预计持续约${minutes}分钟。`,
        en: `Capacity down to ${percent}%, expected to last about ${minutes} min.`,
      },
      area: { shape: 'point', xM: place.xM, yM: place.yM },
      districtId: place.districtId,
      ...(place.deviceId !== undefined && { deviceId: place.deviceId }),
      linkId: incident.linkId,
      incidentId: incident.id,
      simTimeMs: incident.startSimTimeMs,
      classification: 'public',
      linkedAlertIds: [],
    };
  }
}
