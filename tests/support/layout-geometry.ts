/**
 * The pure rules of the layout check (layout-check.ts), apart from the DOM
 * so they test without a browser: when two boxes overlap, how far a box
 * leaves another, and when a text box counts as clipped given its sizes.
 *
 * These functions are also sent into the page as source text (see
 * LAYOUT_GEOMETRY_SOURCE in layout-check.ts), so each must stay
 * self-contained: no imports, no calls to one another, no closures.
 */

/** A rectangle in CSS px, viewport coordinates (as getBoundingClientRect gives it). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How far, in CSS px, a box pokes out of another on each side; 0 where it stays inside. */
export interface Excess {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The rectangle two boxes share, or null when they share less than
 * `tolerancePx` in either direction (touching edges and sub-pixel rounding
 * are not an overlap). @default tolerancePx 1
 */
export function intersection(a: Box, b: Box, tolerancePx = 1): Box | null {
  const shared = {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
  return shared.right - shared.left > tolerancePx && shared.bottom - shared.top > tolerancePx ? shared : null;
}

/**
 * How far `inner` leaves `outer` on each side, or null when it stays within
 * `tolerancePx` of it on every side. @default tolerancePx 1
 */
export function excessOutside(inner: Box, outer: Box, tolerancePx = 1): Excess | null {
  const excess = {
    left: Math.max(0, outer.left - inner.left),
    top: Math.max(0, outer.top - inner.top),
    right: Math.max(0, inner.right - outer.right),
    bottom: Math.max(0, inner.bottom - outer.bottom),
  };
  return Math.max(excess.left, excess.top, excess.right, excess.bottom) > tolerancePx ? excess : null;
}

/** What the clipping rule needs to know about the box a text sits in. */
export interface TextBoxMetrics {
  /** The box's inner size (clientWidth/clientHeight), CSS px. */
  clientWidthPx: number;
  clientHeightPx: number;
  /** The size its content needs (scrollWidth/scrollHeight), CSS px. */
  scrollWidthPx: number;
  scrollHeightPx: number;
  /** text-overflow: ellipsis on a box that clips horizontally: a cut line shows "…". */
  ellipsis: boolean;
  /** -webkit-line-clamp is set: cut lines end in "…". */
  lineClamp: boolean;
  /** The full text is one hover away: a title on the box (or an ancestor's title holding the text), or aria-describedby. */
  tooltip: boolean;
  /** The box scrolls in that direction (overflow auto/scroll): the rest of its content is reachable, not lost. */
  scrollsX: boolean;
  scrollsY: boolean;
  /** The box lets content spill out downwards (overflow-y visible) instead of cutting it. */
  spillsY: boolean;
  /** The text's font size, CSS px. */
  fontSizePx: number;
}

/** Which directions a text is cut in. */
export interface ClippedAxes {
  width: boolean;
  height: boolean;
}


/**
 * The clipping rule: a text is cut where its content is larger than its box
 * by more than `tolerancePx` (sub-pixel layout rounds scroll sizes up; in a
 * box that lets text spill downwards, by more than `glyphSpillEm`),
 * unless the box scrolls that way, or the cut is marked and recoverable: a
 * horizontal cut by an ellipsis or a line clamp, a vertical cut by a line
 * clamp only (an ellipsis marks only the line it ends), each with a tooltip
 * that gives the whole text. @default tolerancePx 1
 *
 * `glyphSpillEm`: how far below its box a text may reach, in ems, in a box
 * that lets it spill. A glyph's content area (ascent + descent: about 1.2 em
 * in Latin fonts, 1.45 em in CJK ones) is taller than a tight line-height,
 * and Chromium counts the difference in the scroll height though nothing is
 * cut or covered; a wrapped line that does not fit is a whole line, over
 * 1 em. @default glyphSpillEm 0.5
 */
export function clippedAxes(box: TextBoxMetrics, tolerancePx = 1, glyphSpillEm = 0.5): ClippedAxes {
  const overWidth = box.scrollWidthPx > box.clientWidthPx + tolerancePx;
  const overHeight = box.scrollHeightPx > box.clientHeightPx + Math.max(tolerancePx, box.spillsY ? glyphSpillEm * box.fontSizePx : 0);
  return {
    width: overWidth && !box.scrollsX && !((box.ellipsis || box.lineClamp) && box.tooltip),
    height: overHeight && !box.scrollsY && !(box.lineClamp && box.tooltip),
  };
}
