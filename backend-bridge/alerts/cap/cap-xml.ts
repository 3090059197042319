/**
 * Reads an OASIS CAP 1.2 message (namespace urn:oasis:names:tc:emergency:cap:1.2)
 * into plain data, checking the elements the bridge relies on: those CAP
 * requires, their enumerations and formats. Any problem is a CapError that
 * names the element (e.g. `alert.info[0].urgency`) and the reason.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  CAP_CATEGORIES,
  CAP_CERTAINTIES,
  CAP_SEVERITIES,
  CAP_URGENCIES,
  type CapCategory,
  type CapCertainty,
  type CapSeverity,
  type CapUrgency,
} from '../../protocol/alerts';

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

/** The CAP message is malformed or invalid; `element` is the path of the offending element. */
export class CapError extends Error {
  override name = 'CapError';
  constructor(
    readonly element: string,
    readonly reason: string,
  ) {
    super(`${element}: ${reason}`);
  }
}

export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export const CAP_SCOPES = ['Public', 'Restricted', 'Private'] as const;

export interface CapValuePair {
  valueName: string;
  value: string;
}

export interface CapArea {
  areaDesc: string;
  /** Each "lat,lon lat,lon …", as written. */
  polygons: string[];
  /** Each "lat,lon radiusKm", as written. */
  circles: string[];
}

export interface CapInfo {
  /** RFC 3066 language code from `<language>` (or an `xml:lang` attribute); CAP's default is en-US. */
  language: string;
  categories: CapCategory[];
  event: string;
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  headline?: string;
  description?: string;
  eventCodes: CapValuePair[];
  parameters: CapValuePair[];
  areas: CapArea[];
}

export interface CapMessage {
  identifier: string;
  sender: string;
  /** As written, e.g. 2024-06-03T07:00:00+08:00. */
  sent: string;
  status: (typeof CAP_STATUSES)[number];
  msgType: (typeof CAP_MSG_TYPES)[number];
  scope: (typeof CAP_SCOPES)[number];
  infos: CapInfo[];
}

type XmlNode = Record<string, unknown>;

/** CAP dateTime: no fractional seconds, and a numeric offset (CAP forbids "Z"). */
const CAP_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
/** Identifiers and senders must not contain spaces, commas, `<` or `&`. */
const CAP_TOKEN = /^[^\s,<&]+$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Every element as a list, so "exactly one" and "one or more" are checked the same way.
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
});

/** Parses and checks a CAP 1.2 message; throws CapError. */
export function parseCap(xml: string): CapMessage {
  // CAP needs no DTD; refusing one shuts out entity expansion attacks whatever the parser does.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new CapError('xml', 'DOCTYPE and ENTITY declarations are not accepted');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new CapError('xml', `line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  const document = parser.parse(xml) as XmlNode;
  const roots = Object.keys(document).filter((key) => !key.startsWith('?') && !key.startsWith('#'));
  if (roots.length !== 1) throw new CapError('xml', `expected one root element, got ${roots.length}`);
  const rootName = roots[0]!;
  const [prefix, local] = rootName.includes(':') ? rootName.split(':', 2) as [string, string] : ['', rootName];
  if (local !== 'alert') throw new CapError(rootName, 'the root element must be <alert>');
  const root = (document[rootName] as XmlNode[])[0]!;
  const namespace = root[prefix ? `@xmlns:${prefix}` : '@xmlns'];
  if (namespace !== CAP_NAMESPACE) {
    throw new CapError('alert', `expected namespace ${CAP_NAMESPACE}, got ${namespace === undefined ? 'none' : JSON.stringify(namespace)}`);
  }
  return readAlert(new Reader(prefix), root);
}

/** Reads child elements by their local name in the CAP namespace's prefix. */
class Reader {
  constructor(private readonly prefix: string) {}

  children(node: XmlNode, name: string): unknown[] {
    const value = node[this.prefix ? `${this.prefix}:${name}` : name];
    return Array.isArray(value) ? value : [];
  }

  nodes(node: XmlNode, name: string, path: string): XmlNode[] {
    return this.children(node, name).map((child, i) => {
      if (typeof child !== 'object' || child === null) throw new CapError(`${path}.${name}[${i}]`, 'expected child elements');
      return child as XmlNode;
    });
  }

  texts(node: XmlNode, name: string, path: string): string[] {
    return this.children(node, name).map((child, i) => {
      if (typeof child !== 'string') throw new CapError(`${path}.${name}[${i}]`, 'expected text only');
      return child;
    });
  }

  optionalText(node: XmlNode, name: string, path: string): string | undefined {
    const values = this.texts(node, name, path);
    if (values.length > 1) throw new CapError(`${path}.${name}`, `expected at most one, got ${values.length}`);
    return values[0];
  }

  text(node: XmlNode, name: string, path: string): string {
    const value = this.optionalText(node, name, path);
    if (value === undefined || value === '') throw new CapError(`${path}.${name}`, 'is required');
    return value;
  }

  oneOf<const T extends string>(node: XmlNode, name: string, path: string, allowed: readonly T[]): T {
    return checkOneOf(this.text(node, name, path), `${path}.${name}`, allowed);
  }
}

function checkOneOf<const T extends string>(value: string, path: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new CapError(path, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

function readAlert(read: Reader, root: XmlNode): CapMessage {
  const path = 'alert';
  const identifier = read.text(root, 'identifier', path);
  const sender = read.text(root, 'sender', path);
  for (const [name, value] of [['identifier', identifier], ['sender', sender]] as const) {
    if (!CAP_TOKEN.test(value)) throw new CapError(`${path}.${name}`, 'must not contain spaces, commas, < or &');
  }
  const sent = read.text(root, 'sent', path);
  if (!CAP_DATE_TIME.test(sent) || Number.isNaN(Date.parse(sent))) {
    throw new CapError(`${path}.sent`, `expected a date and time like 2024-06-03T07:00:00+08:00, got ${JSON.stringify(sent)}`);
  }
  const scope = read.oneOf(root, 'scope', path, CAP_SCOPES);
  if (scope === 'Restricted' && read.optionalText(root, 'restriction', path) === undefined) {
    throw new CapError(`${path}.restriction`, 'is required when scope is Restricted');
  }
  if (scope === 'Private' && read.optionalText(root, 'addresses', path) === undefined) {
    throw new CapError(`${path}.addresses`, 'is required when scope is Private');
  }
  return {
    identifier,
    sender,
    sent,
    status: read.oneOf(root, 'status', path, CAP_STATUSES),
    msgType: read.oneOf(root, 'msgType', path, CAP_MSG_TYPES),
    scope,
    infos: read.nodes(root, 'info', path).map((info, i) => readInfo(read, info, `${path}.info[${i}]`)),
  };
}

function readInfo(read: Reader, info: XmlNode, path: string): CapInfo {
  const categories = read.texts(info, 'category', path).map((value, i) => checkOneOf(value, `${path}.category[${i}]`, CAP_CATEGORIES));
  if (categories.length === 0) throw new CapError(`${path}.category`, 'is required');
  const pairs = (name: string) =>
    read.nodes(info, name, path).map((pair, i) => ({
      valueName: read.text(pair, 'valueName', `${path}.${name}[${i}]`),
      value: read.text(pair, 'value', `${path}.${name}[${i}]`),
    }));
  const headline = read.optionalText(info, 'headline', path);
  const description = read.optionalText(info, 'description', path);
  return {
    language: read.optionalText(info, 'language', path) || (typeof info['@xml:lang'] === 'string' && info['@xml:lang']) || 'en-US',
    categories,
    event: read.text(info, 'event', path),
    urgency: read.oneOf(info, 'urgency', path, CAP_URGENCIES),
    severity: read.oneOf(info, 'severity', path, CAP_SEVERITIES),
    certainty: read.oneOf(info, 'certainty', path, CAP_CERTAINTIES),
    ...(headline && { headline }),
    ...(description && { description }),
    eventCodes: pairs('eventCode'),
    parameters: pairs('parameter'),
    areas: read.nodes(info, 'area', path).map((area, i) => ({
      areaDesc: read.text(area, 'areaDesc', `${path}.area[${i}]`),
      polygons: read.texts(area, 'polygon', `${path}.area[${i}]`),
      circles: read.texts(area, 'circle', `${path}.area[${i}]`),
    })),
  };
}
