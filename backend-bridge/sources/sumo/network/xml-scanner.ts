/**
 * A small XML reader for the files SUMO writes: elements and attributes,
 * no text content (SUMO's net and polygon files have none), comments and
 * declarations skipped. fast-xml-parser reads a 56 MB netgenerate net in
 * about 25 s (its validator alone takes 9 s); this one-pass scanner reads it
 * in a few seconds, and still refuses what is not well-formed: an unclosed
 * or mismatched tag, a broken attribute, a second root.
 *
 * An element is an object of its attributes (strings) and, per child tag,
 * an array of child elements.
 */
import type { XmlElement } from './net-file-error';

export class XmlSyntaxError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`not well-formed XML at line ${line}: ${reason}`);
  }
}

const NAME = '[A-Za-z_][\\w.:-]*';
/** One markup construct at the current '<'; groups: 1 closing name, 2 opening name, 3 attributes, 4 '/' of an empty element. */
const MARKUP = new RegExp(
  `<!--[\\s\\S]*?-->|<\\?[\\s\\S]*?\\?>|<!DOCTYPE[^>]*>|<\\/(${NAME})\\s*>|<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(\\/?)>`,
  'y',
);
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The document's root element and its tag name. */
export function scanXml(xml: string): { tag: string; element: XmlElement } {
  const document: XmlElement = {};
  const stack: { tag: string; element: XmlElement }[] = [{ tag: '', element: document }];
  let root: { tag: string; element: XmlElement } | null = null;
  let position = 0;
  for (;;) {
    const next = xml.indexOf('<', position);
    const textEnd = next < 0 ? xml.length : next;
    if (stack.length === 1 && xml.slice(position, textEnd).trim() !== '') throw new XmlSyntaxError(lineAt(xml, position), 'text outside the root element');
    if (next < 0) break;
    MARKUP.lastIndex = next;
    const match = MARKUP.exec(xml);
    if (!match) throw new XmlSyntaxError(lineAt(xml, next), `a broken tag: ${JSON.stringify(xml.slice(next, next + 40))}`);
    position = MARKUP.lastIndex;
    const [, closing, opening, attributes, empty] = match;
    if (closing !== undefined) {
      const open = stack.pop()!;
      if (open.tag !== closing) {
        throw new XmlSyntaxError(lineAt(xml, next), open.tag ? `</${closing}> closes <${open.tag}>` : `</${closing}> closes nothing`);
      }
      continue;
    }
    if (opening === undefined) continue; // a comment, a declaration or a DOCTYPE
    const element = readAttributes(attributes!, xml, next);
    const parent = stack[stack.length - 1]!;
    if (stack.length === 1) {
      if (root) throw new XmlSyntaxError(lineAt(xml, next), `a second root element <${opening}>`);
      root = { tag: opening, element };
    } else {
      const siblings = (parent.element[opening] ??= []) as XmlElement[];
      siblings.push(element);
    }
    if (empty !== '/') stack.push({ tag: opening, element });
  }
  if (stack.length > 1) throw new XmlSyntaxError(lineAt(xml, xml.length), `<${stack[stack.length - 1]!.tag}> is never closed`);
  if (!root) throw new XmlSyntaxError(1, 'no root element');
  return root;
}

function readAttributes(text: string, xml: string, at: number): XmlElement {
  const element: XmlElement = {};
  if (text === '') return element;
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(text); match; match = ATTRIBUTE.exec(text)) {
    const name = match[1]!;
    if (element[name] !== undefined) throw new XmlSyntaxError(lineAt(xml, at), `attribute ${name} given twice`);
    const value = match[2] ?? match[3]!;
    element[name] = value.includes('&') ? decodeEntities(value) : value;
  }
  return element;
}

function decodeEntities(value: string): string {
  return value.replace(ENTITY, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return NAMED_ENTITIES[entity]!;
  });
}

/** 1-based line of `position`; counted only when an error is reported. */
function lineAt(xml: string, position: number): number {
  let line = 1;
  for (let i = xml.indexOf('\n'); i >= 0 && i < position; i = xml.indexOf('\n', i + 1)) line++;
  return line;
}
