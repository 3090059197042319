/**
 * Builds CAP 1.2 XML for tests and benchmarks, and places local metres back
 * on the globe through the city's local frame.
 */
import { type GeoPoint, localFrame } from '../../../common/geo/local-frame';
import { CAP_NAMESPACE } from './cap-xml';

export interface CapFixture {
  identifier?: string;
  sender?: string;
  sent?: string;
  status?: string;
  msgType?: string;
  scope?: string;
  /** Raw XML of the info blocks; default one English fire alarm with `area`. */
  infos?: string[];
  /** Raw XML of the area of the default info. */
  area?: string;
  /** Extra elements of the default info (parameters, eventCodes). */
  extra?: string;
}

export function capInfo(options: { language?: string; headline?: string; category?: string; urgency?: string; area: string; extra?: string }): string {
  return `<info>
    <language>${options.language ?? 'en-US'}</language>
    <category>${options.category ?? 'Fire'}</category>
    <event>Fire alarm</event>
    <urgency>${options.urgency ?? 'Immediate'}</urgency>
    <severity>Severe</severity>
    <certainty>Observed</certainty>
    <headline>${options.headline ?? 'Smoke in the tower'}</headline>
    <description>Detector 4 on floor 12.</description>
    ${options.extra ?? ''}
    ${options.area}
  </info>`;
}

export function capXml(options: CapFixture = {}): string {
  const area = options.area ?? '<area><areaDesc>Tower</areaDesc><circle>30.26,120.19 0.05</circle></area>';
  const infos = options.infos ?? [capInfo({ area, ...(options.extra !== undefined && { extra: options.extra }) })];
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="${CAP_NAMESPACE}">
  <identifier>${options.identifier ?? 'LJ-2024-0001'}</identifier>
  <sender>${options.sender ?? 'ops@linjiang.example'}</sender>
  <sent>${options.sent ?? '2024-06-03T07:00:00+08:00'}</sent>
  <status>${options.status ?? 'Actual'}</status>
  <msgType>${options.msgType ?? 'Alert'}</msgType>
  <scope>${options.scope ?? 'Public'}</scope>
  ${infos.join('\n')}
</alert>`;
}

/** WGS84 degrees "lat,lon" of a local point, for areas in test messages. */
export function latLonOf(origin: GeoPoint, xM: number, yM: number): string {
  const [lonDeg, latDeg] = localFrame(origin).toLonLatDeg(xM, yM);
  return `${latDeg.toFixed(7)},${lonDeg.toFixed(7)}`;
}
