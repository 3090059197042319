/**
 * An automated layout check for a view in a real page (issue 14): no text is
 * clipped, no two panels overlap, nothing leaves the window, and the
 * document does not scroll. `checkLayout(page, where, panels)` runs it in
 * the page and returns every fault found, each saying where and by how much;
 * `formatViolations` lists them for one test failure.
 *
 * The rules, precisely:
 *
 * (a) Clipped text. Every shown HTML element with text of its own (a direct
 *     text node) is looked at in the box that holds its text: itself, or for
 *     an inline element its nearest non-inline ancestor. The text is cut when
 *     that box's content is larger than the box (clippedAxes in
 *     layout-geometry.ts: scroll size > client size + 1 px, unless the box
 *     scrolls that way or the cut shows an ellipsis/line clamp and a tooltip
 *     gives the whole text), or when an ancestor that clips (overflow hidden
 *     or clip) cuts the text's own rectangle, or the window does. An ancestor
 *     that scrolls ends the search in that direction: what is beyond its edge
 *     is reachable by scrolling. An absolutely positioned element escapes the
 *     clipping of ancestors below its containing block, as in CSS.
 *     Not looked at: elements not rendered or invisible (display none,
 *     visibility hidden, opacity 0 on them or an ancestor: checkVisibility);
 *     visually-hidden accessibility labels (clip-path inset(50%) / clip
 *     rect(0 0 0 0), the .visually-hidden pattern: they are cut on purpose
 *     and read by screen readers only); anything inside an ECharts chart (its
 *     hover tooltip is a div that sits hidden or half-built between hovers);
 *     SVG text; canvases. ECharts and Cesium draw their own text (axis
 *     labels, legends, series names) into a canvas: that text is pixels, not
 *     DOM, and this check cannot see whether it fits. Look at the screenshots.
 * (b) Panels overlap. Panels are the elements the caller's selectors name
 *     (PanelFrame marks its section with data-layout-panel). A panel is
 *     'panel' (a region of the layout), 'map' (a region whose content is a
 *     canvas that floating overlays may cover) or 'overlay' (a box meant to
 *     float on a map: legend, layer switches, notices). Two panels must not
 *     share more than 1 px in both directions, except: a panel and a panel
 *     inside it (DOM descendant) are never compared; an overlay is never
 *     compared with a map, but is compared with other overlays and with
 *     every 'panel'. A panel inside another panel must stay within its box
 *     (else that panel's overflow cuts it or it spills onto a neighbour); an
 *     overlay must lie within some map's box.
 * (c) Window. No panel leaves the window, and the document does not scroll
 *     (its scroll size is at most the window's client size).
 */
import type { Page } from 'playwright-core';
import { clippedAxes, excessOutside, intersection } from './layout-geometry';

/** Where a check ran: named in every violation. */
export interface LayoutWhere {
  view: string;
  widthPx: number;
  heightPx: number;
  locale: string;
}

export type PanelKind = 'panel' | 'map' | 'overlay';

/** Elements that are panels of a view. */
export interface PanelSelector {
  /** CSS selector; every shown match is one panel. */
  selector: string;
  kind: PanelKind;
}

export type ViolationKind =
  | 'clipped-text'
  | 'panels-overlap'
  | 'panel-outside-parent'
  | 'overlay-off-map'
  | 'panel-outside-window'
  | 'document-scrolls';

/** One layout fault as found in the page. */
export interface PageViolation {
  kind: ViolationKind;
  /** The element: its nearest test id and a short CSS path to it. */
  element: string;
  /** The text that is cut (clipped-text only), shortened. */
  text?: string;
  /** Sizes and positions that show the fault, CSS px. */
  detail: string;
}

export type LayoutViolation = PageViolation & LayoutWhere;

/**
 * Panels every view may have. data-layout-panel marks PanelFrame (value
 * 'panel') and the regions with no stable test id; its value is the kind.
 */
export const COMMON_PANELS: readonly PanelSelector[] = [
  { selector: '[data-layout-panel="panel"]', kind: 'panel' },
  { selector: '[data-layout-panel="map"]', kind: 'map' },
  { selector: '[data-layout-panel="overlay"]', kind: 'overlay' },
  { selector: '[data-testid="header"]', kind: 'panel' },
  // Floating on the city map (TheCityMap): the legend, the layer switches, the stream notice.
  { selector: '[data-testid="traffic-legend"]', kind: 'overlay' },
  { selector: '[data-testid="layer-toggles"]', kind: 'overlay' },
  { selector: '[data-testid="stream-notice"]', kind: 'overlay' },
];

/** Runs the check in the page and returns every fault, each with `where`. */
export async function checkLayout(page: Page, where: LayoutWhere, panels: readonly PanelSelector[]): Promise<LayoutViolation[]> {
  const found = (await page.evaluate(
    `(${collectLayoutViolations.toString()})(${JSON.stringify(panels)}, ${LAYOUT_GEOMETRY_SOURCE})`,
  )) as PageViolation[];
  return found.map((violation) => ({ ...where, ...violation }));
}

/** All violations, grouped by view, size and language, one per line; '' when there are none. */
export function formatViolations(violations: readonly LayoutViolation[]): string {
  const groups = new Map<string, LayoutViolation[]>();
  for (const violation of violations) {
    const key = `${violation.view} ${violation.widthPx}×${violation.heightPx} ${violation.locale}`;
    groups.set(key, [...(groups.get(key) ?? []), violation]);
  }
  return [...groups]
    .map(([key, group]) => {
      const lines = group.map((v) => `  - ${v.kind}: ${v.element}${v.text === undefined ? '' : ` "${v.text}"`} — ${v.detail}`);
      return `${key} (${group.length}):\n${lines.join('\n')}`;
    })
    .join('\n');
}

/** The geometry functions as an object literal in source text, for the page. */
const LAYOUT_GEOMETRY_SOURCE = `{ intersection: ${intersection.toString()}, excessOutside: ${excessOutside.toString()}, clippedAxes: ${clippedAxes.toString()} }`;

interface LayoutGeometry {
  intersection: typeof intersection;
  excessOutside: typeof excessOutside;
  clippedAxes: typeof clippedAxes;
}

/**
 * Runs inside the page (sent as source text): it may use only its
 * parameters and the DOM, nothing imported, and must not name module-level
 * functions of this file.
 */
function collectLayoutViolations(panelSelectors: readonly PanelSelector[], geometry: LayoutGeometry): PageViolation[] {
  const violations: PageViolation[] = [];
  const windowBox = { left: 0, top: 0, right: document.documentElement.clientWidth, bottom: document.documentElement.clientHeight };
  const round = (value: number) => Math.round(value * 10) / 10;
  const boxOf = (element: Element) => {
    const rect = element.getBoundingClientRect();
    return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
  };
  const sizeOf = (box: { left: number; top: number; right: number; bottom: number }) =>
    `${round(box.right - box.left)}×${round(box.bottom - box.top)} at (${round(box.left)}, ${round(box.top)})`;
  const excessText = (excess: { left: number; top: number; right: number; bottom: number }) =>
    (['left', 'top', 'right', 'bottom'] as const)
      .filter((side) => excess[side] > 1)
      .map((side) => `${round(excess[side])} px past the ${side}`)
      .join(', ');

  /** Nearest test id, then a CSS path of up to four steps (tag.class or tag[data-testid]). */
  const describe = (element: Element): string => {
    const steps: string[] = [];
    for (let node: Element | null = element; node && node !== document.body && steps.length < 4; node = node.parentElement) {
      const testId = node.getAttribute('data-testid');
      const classes = Array.from(node.classList).slice(0, 2);
      steps.unshift(`${node.tagName.toLowerCase()}${testId ? `[data-testid="${testId}"]` : classes.map((c) => `.${c}`).join('')}`);
      if (testId) break;
    }
    const owner = element.closest('[data-testid]')?.getAttribute('data-testid');
    return `${owner ? `[${owner}] ` : ''}${steps.join(' > ')}`;
  };

  /** Shown to a sighted user: rendered, visible, not transparent, not a visually-hidden label. */
  const isShown = (element: Element): boolean => {
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    for (let node: Element | null = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.clipPath.startsWith('inset(50%') || style.clip === 'rect(0px, 0px, 0px, 0px)') return false;
    }
    const box = element.getBoundingClientRect();
    return box.width > 0 || box.height > 0;
  };

  const clipsIn = (value: string) => value === 'hidden' || value === 'clip';
  const scrollsIn = (value: string) => value === 'auto' || value === 'scroll' || value === 'overlay';
  const isInlineLevel = (display: string) => display === 'inline' || display === 'contents';

  // (a) Clipped text.
  const reportedBoxes = new Set<Element>();
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    if (!(element instanceof HTMLElement)) continue; // SVG text has no client sizes; canvases draw pixels.
    if (element.closest('[_echarts_instance_], script, style, template, noscript, option, canvas')) continue;
    const textNodes = Array.from(element.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
    if (textNodes.length === 0 || !isShown(element)) continue;
    const text = textNodes.map((node) => node.textContent!.trim()).join(' ').replace(/\s+/g, ' ');
    const shortText = text.length > 60 ? `${text.slice(0, 57)}…` : text;

    // The box the text sits in: an inline element's line boxes belong to its nearest block.
    let holder: HTMLElement = element;
    while (isInlineLevel(getComputedStyle(holder).display) && holder.parentElement) holder = holder.parentElement;
    const holderStyle = getComputedStyle(holder);
    const ownTitle = (holder.getAttribute('title') ?? element.getAttribute('title') ?? '').trim() !== '';
    const describedBy = holder.hasAttribute('aria-describedby') || element.hasAttribute('aria-describedby');
    // An ancestor's tooltip counts only when it gives this text: a row's help text does not restore a cut name.
    const titleHolder = holder.parentElement?.closest('[title]');
    const tooltip = ownTitle || describedBy || (titleHolder?.getAttribute('title') ?? '').includes(text);
    if (!reportedBoxes.has(holder)) {
      const axes = geometry.clippedAxes({
        clientWidthPx: holder.clientWidth,
        clientHeightPx: holder.clientHeight,
        scrollWidthPx: holder.scrollWidth,
        scrollHeightPx: holder.scrollHeight,
        ellipsis: holderStyle.textOverflow === 'ellipsis' && holderStyle.overflowX !== 'visible',
        lineClamp: holderStyle.webkitLineClamp !== 'none' && holderStyle.webkitLineClamp !== '',
        tooltip,
        scrollsX: scrollsIn(holderStyle.overflowX),
        scrollsY: scrollsIn(holderStyle.overflowY),
        spillsY: holderStyle.overflowY === 'visible',
        fontSizePx: Number.parseFloat(getComputedStyle(element).fontSize),
      });
      if (axes.width || axes.height) {
        reportedBoxes.add(holder);
        violations.push({
          kind: 'clipped-text',
          element: describe(holder),
          text: shortText,
          detail:
            `box ${holder.clientWidth}×${holder.clientHeight}, content ${holder.scrollWidth}×${holder.scrollHeight}` +
            ` (overflow ${holderStyle.overflowX}/${holderStyle.overflowY}${holderStyle.textOverflow === 'ellipsis' ? ', ellipsis' : ''}${tooltip ? ', tooltip' : ', no tooltip'})`,
        });
        continue;
      }
    }

    // The text's own rectangle against every ancestor that clips it, and the window.
    const range = document.createRange();
    let textBox: { left: number; top: number; right: number; bottom: number } | null = null;
    for (const node of textNodes) {
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      textBox = textBox
        ? { left: Math.min(textBox.left, rect.left), top: Math.min(textBox.top, rect.top), right: Math.max(textBox.right, rect.right), bottom: Math.max(textBox.bottom, rect.bottom) }
        : { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    }
    if (!textBox) continue;
    // A box that ends its text in an ellipsis cuts it on purpose; what is left to check is the visible part.
    if (holderStyle.overflowX !== 'visible') {
      const holderBox = boxOf(holder);
      textBox = { ...textBox, left: Math.max(textBox.left, holderBox.left), right: Math.min(textBox.right, holderBox.right) };
    }
    // A text's rectangle is its glyphs' content area (ascent + descent), taller than the ink and than a tight
    // line-height: a big clock figure reaches a few px above a band that clips it while no digit is cut. Half
    // of clippedAxes' 0.5 em spill allowance on each side; a cut-off line is cut by far more.
    const glyphSpillPx = Math.max(1, 0.25 * Number.parseFloat(getComputedStyle(element).fontSize));
    let checkX = true;
    let checkY = true;
    let escapesUntilPositioned = getComputedStyle(element).position === 'absolute' || holderStyle.position === 'absolute';
    let fixed = getComputedStyle(element).position === 'fixed' || holderStyle.position === 'fixed';
    let cutBy: { ancestor: Element; excess: { left: number; top: number; right: number; bottom: number } } | null = null;
    for (let ancestor = holder.parentElement; ancestor && ancestor !== document.documentElement && (checkX || checkY); ancestor = ancestor.parentElement) {
      const style = getComputedStyle(ancestor);
      if (fixed) {
        if (style.transform === 'none' && style.filter === 'none' && !style.contain.includes('paint')) continue;
        fixed = false;
      }
      if (escapesUntilPositioned) {
        if (style.position === 'static' && style.transform === 'none') continue;
        escapesUntilPositioned = false;
      }
      if (style.position === 'absolute') escapesUntilPositioned = true;
      if (style.position === 'fixed') fixed = true;
      const clipX = checkX && clipsIn(style.overflowX);
      const clipY = checkY && clipsIn(style.overflowY);
      if (clipX || clipY) {
        // Overflow clips at the padding box: inside the borders.
        const outer = boxOf(ancestor);
        const padding = {
          left: outer.left + ancestor.clientLeft,
          top: outer.top + ancestor.clientTop,
          right: outer.left + ancestor.clientLeft + ancestor.clientWidth,
          bottom: outer.top + ancestor.clientTop + ancestor.clientHeight,
        };
        const excess = geometry.excessOutside(textBox, padding);
        if (excess) {
          const counted = { left: clipX ? excess.left : 0, right: clipX ? excess.right : 0, top: clipY ? excess.top : 0, bottom: clipY ? excess.bottom : 0 };
          if (Math.max(counted.left, counted.right) > 1 || Math.max(counted.top, counted.bottom) > glyphSpillPx) {
            cutBy = { ancestor, excess: counted };
            break;
          }
        }
      }
      if (scrollsIn(style.overflowX)) checkX = false;
      if (scrollsIn(style.overflowY)) checkY = false;
    }
    if (!cutBy && (checkX || checkY)) {
      const excess = geometry.excessOutside(textBox, windowBox);
      if (excess) {
        const counted = { left: checkX ? excess.left : 0, right: checkX ? excess.right : 0, top: checkY ? excess.top : 0, bottom: checkY ? excess.bottom : 0 };
        if (Math.max(counted.left, counted.right) > 1 || Math.max(counted.top, counted.bottom) > glyphSpillPx) cutBy = { ancestor: document.documentElement, excess: counted };
      }
    }
    if (cutBy) {
      violations.push({
        kind: 'clipped-text',
        element: describe(element),
        text: shortText,
        detail: `text ${sizeOf(textBox)} cut by ${cutBy.ancestor === document.documentElement ? 'the window' : describe(cutBy.ancestor)} (${excessText(cutBy.excess)})`,
      });
    }
  }

  // Text fields show their value or placeholder in an inner box that scrollWidth does not measure for a
  // placeholder: measure the text in the field's font and compare it with the content box.
  const measure = document.createElement('canvas').getContext('2d')!;
  for (const field of Array.from(document.querySelectorAll('input'))) {
    if (!['text', 'search', 'email', 'url', 'tel', 'number', 'password'].includes(field.type) || !isShown(field)) continue;
    const text = field.value || field.placeholder;
    if (!text) continue;
    const style = getComputedStyle(field);
    measure.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    measure.letterSpacing = style.letterSpacing === 'normal' ? '0px' : style.letterSpacing;
    const paddingPx = Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.paddingRight);
    const textWidthPx = Math.ceil(measure.measureText(text).width);
    const tooltip = (field.getAttribute('title') ?? '').trim() !== '' || field.hasAttribute('aria-describedby');
    const axes = geometry.clippedAxes({
      clientWidthPx: field.clientWidth,
      clientHeightPx: 0,
      scrollWidthPx: textWidthPx + paddingPx,
      scrollHeightPx: 0,
      ellipsis: style.textOverflow === 'ellipsis',
      lineClamp: false,
      tooltip,
      // A typed value scrolls under the caret; a placeholder cannot be scrolled to.
      scrollsX: text === field.value,
      scrollsY: false,
      spillsY: false,
      fontSizePx: Number.parseFloat(style.fontSize),
    });
    if (axes.width) {
      violations.push({
        kind: 'clipped-text',
        element: describe(field),
        text: text.length > 60 ? `${text.slice(0, 57)}…` : text,
        detail: `placeholder ${textWidthPx} px wide in a field with ${field.clientWidth - paddingPx} px for text${tooltip ? ', tooltip' : ', no tooltip'}`,
      });
    }
  }

  // (b) Panels.
  interface FoundPanel {
    element: Element;
    kind: PanelKind;
    box: { left: number; top: number; right: number; bottom: number };
    name: string;
  }
  const panels: FoundPanel[] = [];
  for (const { selector, kind } of panelSelectors) {
    for (const element of Array.from(document.querySelectorAll(selector))) {
      if (panels.some((panel) => panel.element === element) || !isShown(element)) continue;
      panels.push({ element, kind, box: boxOf(element), name: describe(element) });
    }
  }
  for (const [index, a] of panels.entries()) {
    for (const b of panels.slice(index + 1)) {
      if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
      if ((a.kind === 'overlay' && b.kind === 'map') || (a.kind === 'map' && b.kind === 'overlay')) continue;
      const shared = geometry.intersection(a.box, b.box);
      if (shared) {
        violations.push({
          kind: 'panels-overlap',
          element: `${a.name} ⨯ ${b.name}`,
          detail: `${a.kind} ${sizeOf(a.box)} and ${b.kind} ${sizeOf(b.box)} share ${sizeOf(shared)}`,
        });
      }
    }
    // Nearest panel holding this one: the innermost ancestor panel.
    const holders = panels.filter((other) => other !== a && other.element.contains(a.element));
    const parent = holders.find((holder) => holders.every((other) => other === holder || holder.element.compareDocumentPosition(other.element) & Node.DOCUMENT_POSITION_CONTAINS));
    if (parent) {
      const excess = geometry.excessOutside(a.box, parent.box);
      if (excess) violations.push({ kind: 'panel-outside-parent', element: a.name, detail: `${sizeOf(a.box)} leaves ${parent.name} ${sizeOf(parent.box)}: ${excessText(excess)}` });
    }
    if (a.kind === 'overlay' && !panels.some((map) => map.kind === 'map' && !geometry.excessOutside(a.box, map.box))) {
      violations.push({ kind: 'overlay-off-map', element: a.name, detail: `overlay ${sizeOf(a.box)} lies within no map` });
    }
    const outside = geometry.excessOutside(a.box, windowBox);
    if (outside) violations.push({ kind: 'panel-outside-window', element: a.name, detail: `${sizeOf(a.box)} in a ${windowBox.right}×${windowBox.bottom} window: ${excessText(outside)}` });
  }

  // (c) The document itself.
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth || root.scrollHeight > root.clientHeight) {
    violations.push({
      kind: 'document-scrolls',
      element: 'html',
      detail: `document ${root.scrollWidth}×${root.scrollHeight} in a ${root.clientWidth}×${root.clientHeight} window`,
    });
  }
  return violations;
}
