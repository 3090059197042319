/**
 * Whether a wall screen fits its window: no text cut off (text cut short is
 * allowed only with an ellipsis and a tooltip), no panels overlapping, no
 * page scrolling, and the smallest type on it. Runs in the page; the map's
 * own overlay (Cesium widgets) is left out.
 */
import type { Page } from 'playwright-core';

export interface WallFit {
  /** Text cut off by its own box or a box around it, without ellipsis and title: a short description each. */
  clipped: string[];
  /** Pairs of panels whose boxes overlap. */
  overlapping: string[];
  /** The page scrolls (the screen is larger than the window). */
  scrolls: boolean;
  /** Smallest font size of any text outside the map, CSS px, with its text. */
  smallestFont: { px: number; text: string };
}

export async function wallFit(page: Page): Promise<WallFit> {
  // tsx (esbuild keepNames) wraps named functions in __name(), which the page does not have.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  return page.evaluate(() => {
    const screen = document.querySelector('[data-testid="wall-screen"]');
    if (!screen) throw new Error('no wall screen on the page');
    const clipped: string[] = [];
    let smallestFont = { px: Number.POSITIVE_INFINITY, text: '' };
    const clips = (style: CSSStyleDeclaration) => style.overflowX !== 'visible' || style.overflowY !== 'visible';
    const shortened = (element: Element) => {
      const style = getComputedStyle(element);
      const ellipsis = style.textOverflow === 'ellipsis' || (style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '');
      return ellipsis && element.closest('[title]') !== null;
    };
    const walker = document.createTreeWalker(screen, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('[data-testid="wall-map"] .cesium-viewer, [data-testid="city-map"] .cesium-widget')) continue;
      const style = getComputedStyle(parent);
      if (style.display === 'none' || style.visibility === 'hidden' || parent.closest('[aria-hidden="true"]')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const px = Number.parseFloat(style.fontSize);
      if (px < smallestFont.px) smallestFont = { px, text };
      for (let clipper: Element | null = parent; clipper && clipper !== screen.parentElement; clipper = clipper.parentElement) {
        if (!clips(getComputedStyle(clipper))) continue;
        const edge = clipper.getBoundingClientRect();
        const out = box.left < edge.left - 1 || box.top < edge.top - 1 || box.right > edge.right + 1 || box.bottom > edge.bottom + 1;
        if (!out) continue;
        if (!shortened(clipper)) clipped.push(`"${text.slice(0, 60)}" cut by <${clipper.tagName.toLowerCase()} class="${clipper.getAttribute('class') ?? ''}">`);
        break;
      }
    }
    const panels = Array.from(screen.querySelectorAll('[data-panel]'))
      .filter((panel) => panel.closest('.wall__generation')?.isSameNode(screen.querySelector('.wall__generation')))
      .map((panel) => ({ kind: panel.getAttribute('data-panel'), box: panel.getBoundingClientRect() }));
    const overlapping: string[] = [];
    panels.forEach((a, i) =>
      panels.slice(i + 1).forEach((b) => {
        const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (w > 0.5 && h > 0.5) overlapping.push(`${a.kind} × ${b.kind}`);
      }),
    );
    const root = document.documentElement;
    const scrolls = root.scrollWidth > window.innerWidth || root.scrollHeight > window.innerHeight;
    return { clipped, overlapping, scrolls, smallestFont };
  });
}
