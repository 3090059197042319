/**
 * Field alerts (LiveSink.alert) turned into alert drafts for this city, with
 * the checks the bridge already has: CAP through the CAP parser and mapper
 * the HTTP endpoint uses, JSON drafts through the protocol's alert schema.
 * A source calls it to refuse a bad alert where it arrived (and count it);
 * the alert stack calls it again to raise the alert.
 */
import { CapMapper } from './cap/cap-alert';
import { parseCap } from './cap/cap-xml';
import type { AlertDraft } from './lifecycle';
import * as v from 'valibot';
import { alertSchema } from '../protocol/alerts';
import { ValidationError, describe, parseAt } from '../protocol/validation';
import type { CityMeta } from '../protocol/city';
import type { SourceAlert } from '../sources/live-source';

/** Alert fields the bridge sets when it raises or changes an alert; a draft carrying one is refused. */
const BRIDGE_OWNED_FIELDS = ['id', 'seq', 'status', 'history', 'sentAtMs', 'acknowledgedAtMs', 'resolvedAtMs', 'escalatedAtMs', 'assignee'] as const;

/** An alert as a source sends it: the protocol's alert without the fields the bridge owns. */
const fieldDraftSchema = v.omit(alertSchema, BRIDGE_OWNED_FIELDS);

export class FieldAlertDrafts {
  private readonly mapper: CapMapper;
  private readonly ids: { districtId: Set<string>; deviceId: Set<string>; linkId: Set<string> };

  constructor(meta: CityMeta) {
    this.mapper = new CapMapper(meta);
    this.ids = {
      districtId: new Set(meta.districts.map((d) => d.id)),
      deviceId: new Set(meta.devices.map((d) => d.id)),
      linkId: new Set(meta.links.map((l) => l.id)),
    };
  }

  /**
   * The draft of a field alert. Throws CapError (CAP) or ValidationError
   * (JSON) naming the element or field that is wrong. `simTimeMs` is the
   * city clock now, the time a CAP alert is placed at.
   */
  draft(alert: SourceAlert, simTimeMs: number): AlertDraft {
    return alert.format === 'cap' ? this.mapper.toDraft(parseCap(alert.xml), simTimeMs) : this.jsonDraft(alert.draft);
  }

  private jsonDraft(value: unknown, path = 'alert'): AlertDraft {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError(path, `expected an object, got ${describe(value)}`);
    for (const field of BRIDGE_OWNED_FIELDS) {
      if (field in value) throw new ValidationError(`${path}.${field}`, 'is set by the bridge, not by a source');
    }
    const draft = parseAt(fieldDraftSchema, value, path);
    if (draft.kind === 'risk-point') throw new ValidationError(`${path}.kind`, 'risk points are derived by the bridge, not raised by a source');
    if (draft.source !== 'field') throw new ValidationError(`${path}.source`, `a field system's alert says "field", got ${JSON.stringify(draft.source)}`);
    for (const field of ['districtId', 'deviceId', 'linkId'] as const) {
      const id = draft[field];
      if (id !== undefined && !this.ids[field].has(id)) throw new ValidationError(`${path}.${field}`, `no such id in the city: ${JSON.stringify(id)}`);
    }
    return draft;
  }
}
