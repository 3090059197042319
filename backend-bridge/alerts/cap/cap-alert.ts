/**
 * Turns a checked CAP message into an alert draft for this city: the Chinese
 * and English `<info>` blocks become the two languages, the one `<area>`
 * shape is mapped to local metres and must lie inside the city, the district
 * is the one containing its centre, and the alert kind comes from an
 * `<eventCode>` named `citybrain-kind` or, failing that, from the category.
 *
 * Recognised `<parameter>`s: `callerName`, `callerPhone` (sensitive, masked
 * for viewers), `deviceId`, `linkId` (must exist in the city).
 */
import type { CityMeta } from '../../protocol/city';
import { ALERT_KINDS, type AlertArea, type AlertKind, type CapCategory, alertAreaCentre } from '../../protocol/alerts';
import { DistrictLocator } from '../../city/district-locator';
import { type LocalFrame, localFrame } from '../../../common/geo/local-frame';
import type { AlertDraft } from '../lifecycle';
import { CapError, type CapInfo, type CapMessage } from './cap-xml';

/** `<eventCode>` value name that names the alert kind. */
export const CAP_KIND_CODE = 'citybrain-kind';

/** The kind an alert gets from its first category when no eventCode names one. */
export const KIND_BY_CATEGORY: Partial<Record<CapCategory, AlertKind>> = {
  Fire: 'fire-alarm',
  Rescue: 'emergency-call',
  Health: 'emergency-call',
  Security: 'intrusion',
  Transport: 'traffic-accident',
  Infra: 'device-offline',
};

/** CAP statuses that raise an alert; System, Test and Draft messages are not for operators. */
const INGESTED_STATUSES = ['Actual', 'Exercise'];
const HEADLINE_MAX = 160;
const DESCRIPTION_MAX = 2000;

export class CapMapper {
  private readonly locator: DistrictLocator;
  private readonly frame: LocalFrame;
  private readonly deviceIds: Set<string>;
  private readonly linkIds: Set<string>;

  constructor(private readonly meta: CityMeta) {
    this.locator = new DistrictLocator(meta.districts);
    this.frame = localFrame(meta.origin);
    this.deviceIds = new Set(meta.devices.map((d) => d.id));
    this.linkIds = new Set(meta.links.map((l) => l.id));
  }

  /** The alert draft for a CAP message; throws CapError naming the element that does not fit. */
  toDraft(cap: CapMessage, simTimeMs: number): AlertDraft {
    if (cap.msgType !== 'Alert') throw new CapError('alert.msgType', `only Alert messages raise alerts, got ${cap.msgType}`);
    if (!INGESTED_STATUSES.includes(cap.status)) throw new CapError('alert.status', `only Actual and Exercise messages raise alerts, got ${cap.status}`);
    if (cap.infos.length === 0) throw new CapError('alert.info', 'at least one info block is needed to raise an alert');
    const indexOf = (prefix: string) => cap.infos.findIndex((info) => info.language.toLowerCase().startsWith(prefix));
    const zhIndex = indexOf('zh');
    const enIndex = indexOf('en');
    const mainIndex = enIndex >= 0 ? enIndex : Math.max(zhIndex, 0);
    const main = cap.infos[mainIndex]!;
    const mainPath = `alert.info[${mainIndex}]`;
    const zh = zhIndex >= 0 ? zhIndex : mainIndex;
    const en = enIndex >= 0 ? enIndex : zh;

    const area = this.area(main, mainPath);
    const [xM, yM] = alertAreaCentre(area);
    const district = this.meta.districts[this.locator.find(xM, yM)];
    if (!district) throw new CapError(`${mainPath}.area`, 'lies in no district of the city');
    const parameter = (name: string) => main.parameters.find((p) => p.valueName === name)?.value;
    const deviceId = this.known(parameter('deviceId'), this.deviceIds, `${mainPath}.parameter deviceId`);
    const linkId = this.known(parameter('linkId'), this.linkIds, `${mainPath}.parameter linkId`);
    const callerName = parameter('callerName');
    const callerPhone = parameter('callerPhone');
    const sensitive = callerName !== undefined || callerPhone !== undefined;
    const textOf = (index: number, field: 'headline' | 'description', max: number) => {
      const info = cap.infos[index]!;
      const value = field === 'headline' ? (info.headline ?? info.event) : (info.description ?? '');
      if (value.length > max) throw new CapError(`alert.info[${index}].${field}`, `must be at most ${max} characters`);
      return value;
    };
    return {
      kind: this.kind(main, mainPath),
      source: 'cap',
      category: main.categories[0]!,
      urgency: main.urgency,
      severity: main.severity,
      certainty: main.certainty,
      headline: { zh: textOf(zh, 'headline', HEADLINE_MAX), en: textOf(en, 'headline', HEADLINE_MAX) },
      description: { zh: textOf(zh, 'description', DESCRIPTION_MAX), en: textOf(en, 'description', DESCRIPTION_MAX) },
      area,
      districtId: district.id,
      ...(deviceId !== undefined && { deviceId }),
      ...(linkId !== undefined && { linkId }),
      cap: { sender: cap.sender, identifier: cap.identifier, sent: cap.sent },
      simTimeMs,
      classification: cap.scope === 'Private' ? 'core' : cap.scope === 'Restricted' || sensitive ? 'sensitive' : 'public',
      ...(sensitive && {
        sensitive: { ...(callerName !== undefined && { callerName }), ...(callerPhone !== undefined && { callerPhone }) },
      }),
      linkedAlertIds: [],
    };
  }

  private kind(info: CapInfo, path: string): AlertKind {
    const code = info.eventCodes.find((pair) => pair.valueName === CAP_KIND_CODE);
    if (code) {
      const kinds = ALERT_KINDS.filter((kind) => kind !== 'risk-point');
      if (!(kinds as string[]).includes(code.value)) throw new CapError(`${path}.eventCode ${CAP_KIND_CODE}`, `expected one of ${kinds.join(', ')}, got ${JSON.stringify(code.value)}`);
      return code.value as AlertKind;
    }
    const kind = KIND_BY_CATEGORY[info.categories[0]!];
    if (!kind) throw new CapError(`${path}.eventCode`, `category ${info.categories[0]} has no default kind; name one with an eventCode ${CAP_KIND_CODE}`);
    return kind;
  }

  private known(id: string | undefined, ids: Set<string>, path: string): string | undefined {
    if (id !== undefined && !ids.has(id)) throw new CapError(path, `no such id in the city: ${JSON.stringify(id)}`);
    return id;
  }

  /** The info's one shape, in local metres and inside the city's bounds. */
  private area(info: CapInfo, path: string): AlertArea {
    const shapes = info.areas.flatMap((area, i) => [
      ...area.circles.map((text, j) => ({ kind: 'circle' as const, text, path: `${path}.area[${i}].circle[${j}]` })),
      ...area.polygons.map((text, j) => ({ kind: 'polygon' as const, text, path: `${path}.area[${i}].polygon[${j}]` })),
    ]);
    if (shapes.length !== 1) {
      throw new CapError(`${path}.area`, `needs exactly one circle or polygon (geocodes are not resolved), got ${shapes.length}`);
    }
    const shape = shapes[0]!;
    if (shape.kind === 'circle') {
      const match = /^(\S+)\s+(\S+)$/.exec(shape.text.trim());
      const radiusKm = Number(match?.[2]);
      if (!match || !(radiusKm >= 0 && radiusKm <= 100)) throw new CapError(shape.path, `expected "lat,lon radiusKm" with a radius of 0–100 km, got ${JSON.stringify(shape.text)}`);
      const [xM, yM] = this.point(match[1]!, shape.path);
      return { shape: 'circle', xM, yM, radiusM: radiusKm * 1000 };
    }
    const pairs = shape.text.trim().split(/\s+/);
    if (pairs.length < 4 || pairs[0] !== pairs.at(-1)) {
      throw new CapError(shape.path, `expected at least 4 "lat,lon" pairs with the first repeated last, got ${pairs.length}`);
    }
    return { shape: 'polygon', ringM: pairs.slice(0, -1).map((pair) => this.point(pair, shape.path)) };
  }

  private point(pair: string, path: string): [number, number] {
    const [lat, lon, extra] = pair.split(',').map(Number);
    if (extra !== undefined || !(lat! >= -90 && lat! <= 90) || !(lon! >= -180 && lon! <= 180)) {
      throw new CapError(path, `expected "lat,lon" in WGS84 degrees, got ${JSON.stringify(pair)}`);
    }
    const [xM, yM] = this.frame.toLocalM(lon!, lat!);
    if (Number.isNaN(xM)) throw new CapError(path, `${pair} lies outside the city (on the far side of the globe)`);
    const { minXM, minYM, maxXM, maxYM } = this.meta.bounds;
    if (xM < minXM || xM > maxXM || yM < minYM || yM > maxYM) {
      throw new CapError(path, `${pair} lies outside the city (${Math.round(xM)}, ${Math.round(yM)} m from its origin)`);
    }
    return [Math.round(xM * 10) / 10, Math.round(yM * 10) / 10];
  }
}
