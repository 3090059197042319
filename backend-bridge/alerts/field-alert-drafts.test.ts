import { describe, expect, it } from 'vitest';
import { capXml } from './cap/cap.fixture';
import { tinyCity } from '../city/tiny-city.fixture';
import { FieldAlertDrafts } from './field-alert-drafts';

const drafts = new FieldAlertDrafts(tinyCity().meta);
const json = {
  kind: 'intrusion',
  source: 'field',
  category: 'Security',
  urgency: 'Immediate',
  severity: 'Severe',
  certainty: 'Observed',
  headline: { zh: '围界入侵', en: 'Fence breached' },
  description: { zh: '', en: '' },
  area: { shape: 'point', xM: 5, yM: 5 },
  districtId: 'd1',
  simTimeMs: 1000,
  classification: 'public',
  linkedAlertIds: [],
};
const draftOf = (draft: unknown) => drafts.draft({ format: 'json', draft, channel: 'c' }, 0);

describe('field alert drafts', () => {
  it('map a CAP message with the CAP mapper, placed at the city clock', () => {
    const draft = drafts.draft({ format: 'cap', xml: capXml(), channel: 'c' }, 42);
    expect(draft).toMatchObject({ kind: 'fire-alarm', source: 'cap', districtId: 'd1', simTimeMs: 42 });
  });

  it('refuse malformed CAP naming the element', () => {
    expect(() => drafts.draft({ format: 'cap', xml: capXml({ status: 'Rumour' }), channel: 'c' }, 0)).toThrow(/^alert\.status: /);
  });

  it('take a JSON draft that the protocol accepts, as it is', () => {
    expect(draftOf(json)).toEqual(json);
  });

  it('refuse a JSON draft with a bad field, a field the bridge sets, a derived kind or an id the city lacks', () => {
    expect(() => draftOf({ ...json, severity: 'Huge' })).toThrow(/^alert\.severity: expected one of/);
    expect(() => draftOf({ ...json, status: 'resolved' })).toThrow('alert.status: is set by the bridge, not by a source');
    expect(() => draftOf({ ...json, kind: 'risk-point' })).toThrow('alert.kind: risk points are derived by the bridge');
    expect(() => draftOf({ ...json, source: 'correlation' })).toThrow('alert.source: a field system\'s alert says "field", got "correlation"');
    expect(() => draftOf({ ...json, source: 'demo' })).toThrow('alert.source: a field system\'s alert says "field"');
    expect(() => draftOf({ ...json, linkId: 'l9' })).toThrow('alert.linkId: no such id in the city: "l9"');
    expect(() => draftOf([json])).toThrow('alert: expected an object, got an array of 1');
  });
});
