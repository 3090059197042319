/**
 * The map as the camera and the labels must know it: the panels over it
 * (elements of the map marked `data-map-panel`: the layer switches, the
 * legend) and the bands they cover, measured from the page.
 */
import { type CesiumWidget, PerspectiveFrustum } from 'cesium';
import type { FramingViewport } from './camera-framing';
import type { ScreenBox } from './label-placement';

/** Space kept between a panel and the city, CSS px. */
const PANEL_GAP_PX = 8;

/** The boxes of the panels over the map whose canvases fill `element`, CSS px from its top-left corner. */
export function panelBoxes(element: HTMLElement): ScreenBox[] {
  const root = element.closest('[data-testid="city-map"]') ?? element.parentElement;
  if (!root) return [];
  const origin = element.getBoundingClientRect();
  return [...root.querySelectorAll<HTMLElement>('[data-map-panel]')].map((panel) => {
    const rect = panel.getBoundingClientRect();
    return { left: rect.left - origin.left, top: rect.top - origin.top, right: rect.right - origin.left, bottom: rect.bottom - origin.top };
  });
}

/**
 * The bands panels cover: a panel in the upper half takes the band down to
 * its bottom edge, one in the lower half the band up from its top edge.
 */
export function coveredBands(panels: readonly ScreenBox[], heightPx: number): { topInsetPx: number; bottomInsetPx: number } {
  let topInsetPx = 0;
  let bottomInsetPx = 0;
  for (const panel of panels) {
    if (panel.bottom <= panel.top) continue;
    if ((panel.top + panel.bottom) / 2 < heightPx / 2) topInsetPx = Math.max(topInsetPx, panel.bottom + PANEL_GAP_PX);
    else bottomInsetPx = Math.max(bottomInsetPx, heightPx - panel.top + PANEL_GAP_PX);
  }
  return { topInsetPx, bottomInsetPx };
}

/** The map's size, field of view and the bands its panels cover; null before it has a size. */
export function mapViewport(widget: CesiumWidget): FramingViewport | null {
  const element = widget.container as HTMLElement;
  const widthPx = element.clientWidth;
  const heightPx = element.clientHeight;
  if (widthPx === 0 || heightPx === 0) return null;
  const frustum = widget.camera.frustum;
  // Cesium's fov spans the wider side of the view.
  const fovRad = frustum instanceof PerspectiveFrustum && frustum.fov !== undefined ? frustum.fov : Math.PI / 3;
  const aspect = widthPx / heightPx;
  const fovyRad = aspect > 1 ? 2 * Math.atan(Math.tan(fovRad / 2) / aspect) : fovRad;
  const bands = coveredBands(panelBoxes(element), heightPx);
  // A panel band taller than half the map would leave no city to see: then the panel is the lesser evil.
  const fits = bands.topInsetPx + bands.bottomInsetPx < heightPx / 2;
  return { widthPx, heightPx, fovyRad, ...(fits ? bands : {}) };
}
