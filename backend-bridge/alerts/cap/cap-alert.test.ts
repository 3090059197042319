import { describe, expect, it } from 'vitest';
import { tinyCity } from '../../city/tiny-city.fixture';
import { CapMapper } from './cap-alert';
import { capInfo, capXml, latLonOf } from './cap.fixture';
import { parseCap } from './cap-xml';

const meta = tinyCity().meta;
const mapper = new CapMapper(meta);
const at = (xM: number, yM: number) => latLonOf(meta.origin, xM, yM);
const draftOf = (xml: string) => mapper.toDraft(parseCap(xml), 123);
const errorOf = (xml: string) => {
  try {
    draftOf(xml);
  } catch (error) {
    return { element: (error as { element: string }).element, reason: (error as { reason: string }).reason };
  }
  throw new Error('accepted');
};

describe('CapMapper', () => {
  it('maps a CAP fire alarm to an alert draft in local metres, in the district containing it', () => {
    const draft = draftOf(capXml({ area: `<area><areaDesc>Tower</areaDesc><circle>${at(40, -30)} 0.05</circle></area>` }));
    expect(draft).toMatchObject({
      kind: 'fire-alarm',
      source: 'cap',
      category: 'Fire',
      severity: 'Severe',
      headline: { zh: 'Smoke in the tower', en: 'Smoke in the tower' },
      districtId: 'd1',
      cap: { sender: 'ops@linjiang.example', identifier: 'LJ-2024-0001', sent: '2024-06-03T07:00:00+08:00' },
      simTimeMs: 123,
      classification: 'public',
    });
    expect(draft.area).toMatchObject({ shape: 'circle', radiusM: 50 });
    if (draft.area.shape !== 'circle') throw new Error('unreachable');
    expect(draft.area.xM).toBeCloseTo(40, 0);
    expect(draft.area.yM).toBeCloseTo(-30, 0);
  });

  it('takes Chinese and English from the info blocks by language', () => {
    const area = `<area><areaDesc>x</areaDesc><circle>${at(0, 0)} 0.01</circle></area>`;
    const draft = draftOf(capXml({ infos: [capInfo({ language: 'zh-CN', headline: '大楼冒烟', area }), capInfo({ language: 'en-US', headline: 'Smoke', area })] }));
    expect(draft.headline).toEqual({ zh: '大楼冒烟', en: 'Smoke' });
  });

  it('maps a polygon, dropping the repeated closing point', () => {
    const ring = [at(-50, -50), at(50, -50), at(50, 50), at(-50, -50)].join(' ');
    const draft = draftOf(capXml({ area: `<area><areaDesc>Block</areaDesc><polygon>${ring}</polygon></area>` }));
    expect(draft.area.shape === 'polygon' && draft.area.ringM.length).toBe(3);
  });

  it('reads the kind from an eventCode, callers as sensitive data, and device and link ids', () => {
    const extra = `<eventCode><valueName>citybrain-kind</valueName><value>emergency-call</value></eventCode>
      <parameter><valueName>callerName</valueName><value>李娜</value></parameter>
      <parameter><valueName>callerPhone</valueName><value>13912345678</value></parameter>
      <parameter><valueName>deviceId</valueName><value>cam1</value></parameter>
      <parameter><valueName>linkId</valueName><value>l2</value></parameter>`;
    const draft = draftOf(capXml({ extra }));
    expect(draft).toMatchObject({
      kind: 'emergency-call',
      classification: 'sensitive',
      sensitive: { callerName: '李娜', callerPhone: '13912345678' },
      deviceId: 'cam1',
      linkId: 'l2',
    });
  });

  it('names what does not fit the city: an area outside it, two shapes, an unknown device, a kind it cannot infer', () => {
    expect(errorOf(capXml({ area: `<area><areaDesc>x</areaDesc><circle>${at(500, 0)} 0.1</circle></area>` }))).toMatchObject({
      element: 'alert.info[0].area[0].circle[0]',
      reason: expect.stringContaining('lies outside the city'),
    });
    expect(errorOf(capXml({ area: `<area><areaDesc>x</areaDesc><circle>${at(0, 0)} 0.1</circle><circle>${at(1, 0)} 0.1</circle></area>` }))).toEqual({
      element: 'alert.info[0].area',
      reason: 'needs exactly one circle or polygon (geocodes are not resolved), got 2',
    });
    expect(errorOf(capXml({ area: `<area><areaDesc>x</areaDesc><circle>${at(0, 0)}</circle></area>` }))).toMatchObject({ element: 'alert.info[0].area[0].circle[0]' });
    expect(errorOf(capXml({ extra: '<parameter><valueName>deviceId</valueName><value>cam9</value></parameter>' }))).toEqual({
      element: 'alert.info[0].parameter deviceId',
      reason: 'no such id in the city: "cam9"',
    });
    expect(errorOf(capXml({ infos: [capInfo({ category: 'Met', area: `<area><areaDesc>x</areaDesc><circle>${at(0, 0)} 0.1</circle></area>` })] }))).toMatchObject({
      element: 'alert.info[0].eventCode',
      reason: 'category Met has no default kind; name one with an eventCode citybrain-kind',
    });
  });

  it('raises alerts only from Actual or Exercise Alert messages', () => {
    expect(errorOf(capXml({ msgType: 'Cancel' }))).toEqual({ element: 'alert.msgType', reason: 'only Alert messages raise alerts, got Cancel' });
    expect(errorOf(capXml({ status: 'Test' }))).toMatchObject({ element: 'alert.status' });
    expect(errorOf(capXml({ infos: [] }))).toMatchObject({ element: 'alert.info' });
  });
});
