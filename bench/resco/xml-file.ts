/**
 * Reads one SUMO XML file into plain objects, attributes as plain keys. Every
 * error names the file, so a bad scenario points at what to fix.
 */
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An XML element as fast-xml-parser gives it: attributes and child elements by name. */
export type XmlElement = Record<string, unknown>;

/**
 * Parses `xml` (the text of `file`); the elements named in `repeated` are
 * always arrays, so a file with one vehicle reads like one with a thousand.
 */
export function parseSumoXml(xml: string, file: string, repeated: readonly string[]): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`${file}: not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    isArray: (name) => repeated.includes(name),
  });
  return parser.parse(xml) as XmlElement;
}

export function readSumoXml(file: string, repeated: readonly string[]): XmlElement {
  let xml: string;
  try {
    xml = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot be read (${(error as Error).message})`);
  }
  return parseSumoXml(xml, file, repeated);
}

/** The child `name` of `parent` as an object, or undefined when absent (a self-closing tag parses to ''). */
export function childElement(parent: XmlElement, name: string): XmlElement | undefined {
  const child = parent[name];
  if (child === undefined) return undefined;
  return typeof child === 'object' && child !== null ? (child as XmlElement) : {};
}

/** The children `name` of `parent` (declared repeated when parsing). */
export function childElements(parent: XmlElement, name: string): XmlElement[] {
  const children = parent[name];
  return Array.isArray(children) ? (children as XmlElement[]) : [];
}

/** A numeric attribute, or an error naming the file, element and attribute. */
export function numberAttribute(element: XmlElement, attribute: string, where: string): number {
  const raw = element[attribute];
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value)) {
    throw new Error(`${where}: attribute ${attribute}=${JSON.stringify(raw ?? null)} is not a number of seconds`);
  }
  return value;
}
