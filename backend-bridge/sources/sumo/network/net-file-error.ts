/**
 * Errors of a SUMO network or polygon file: every message names the file and
 * the element, e.g. `cologne1.net.xml: <edge id="x">: lane 0 has no shape`.
 */
import { basename } from 'node:path';

export class SumoNetError extends Error {
  override name = 'SumoNetError';
}

/** An XML element as `readXmlTree` gives it: attributes as strings, child elements as arrays by tag. */
export type XmlElement = Record<string, unknown>;

/** Reads one element's attributes with checks; its errors name the file and the element. */
export class ElementReader {
  private readonly file: string;

  constructor(file: string) {
    this.file = basename(file);
  }

  /** `<edge id="x">`, or `<location>` for an element without an id. */
  label(tag: string, element: XmlElement): string {
    const id = element.id;
    return typeof id === 'string' ? `<${tag} id="${id}">` : `<${tag}>`;
  }

  error(tag: string, element: XmlElement | null, reason: string): SumoNetError {
    return new SumoNetError(element ? `${this.file}: ${this.label(tag, element)}: ${reason}` : `${this.file}: ${reason}`);
  }

  text(tag: string, element: XmlElement, name: string): string {
    const value = element[name];
    if (typeof value !== 'string' || value === '') throw this.error(tag, element, `needs attribute ${name}`);
    return value;
  }

  optionalText(element: XmlElement, name: string): string | undefined {
    const value = element[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  number(tag: string, element: XmlElement, name: string): number {
    const value = Number(this.text(tag, element, name));
    if (!Number.isFinite(value)) throw this.error(tag, element, `${name} must be a number, got "${String(element[name])}"`);
    return value;
  }

  optionalNumber(tag: string, element: XmlElement, name: string): number | undefined {
    return element[name] === undefined ? undefined : this.number(tag, element, name);
  }

  /** Child elements `<tag>` of `element`, always as an array. */
  children(element: XmlElement, tag: string): XmlElement[] {
    const value = element[tag];
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).filter((child): child is XmlElement => typeof child === 'object' && child !== null);
  }

  /**
   * A SUMO shape, "x1,y1 x2,y2 …" (a third coordinate is ignored), as
   * interleaved x, y; throws naming `what` when it is not one.
   */
  shape(tag: string, element: XmlElement, what: string, value: string): number[] {
    const xy: number[] = [];
    for (const point of value.trim().split(/\s+/)) {
      const [x, y] = point.split(',', 3).map(Number);
      if (!Number.isFinite(x) || !Number.isFinite(y)) throw this.error(tag, element, `${what} has a point that is not x,y: "${point}"`);
      xy.push(x!, y!);
    }
    if (xy.length < 4) throw this.error(tag, element, `${what} needs at least 2 points`);
    return xy;
  }
}
