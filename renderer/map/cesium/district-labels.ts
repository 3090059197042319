/**
 * District names as HTML over the map, not as Cesium labels: deck.gl draws
 * the traffic on a canvas above Cesium's, so a Cesium label lay under the
 * road flow (issue 14: "road lines drawn over district labels"). These sit
 * above both canvases, follow the camera after every Cesium frame, shrink
 * with distance, and step aside (hide) where a panel over the map — any
 * element of the map marked `data-map-panel`, e.g. the legend — or another
 * name would cover them, so no name is ever half under a panel.
 */
import { Cartesian2, Cartesian3, type Scene, SceneTransforms } from 'cesium';
import { coveredByAny, labelBox, scaleByDistance } from './label-placement';
import { panelBoxes } from './map-viewport';

/** Label scale by camera distance: a bit larger close up, smaller at the city view. */
const NEAR_M = 2_000;
const NEAR_SCALE = 1.1;
const FAR_M = 20_000;
const FAR_SCALE = 0.6;

interface Entry {
  element: HTMLDivElement;
  world: Cartesian3;
  /** Unscaled size, CSS px; measured when the text changes. */
  widthPx: number;
  heightPx: number;
}

export class DistrictLabels {
  private readonly layer: HTMLDivElement;
  private readonly entries = new Map<string, Entry>();
  private readonly removeListener: () => void;
  private readonly scratchWindow = new Cartesian2();

  /**
   * @param parent the element the map's canvases fill
   * @param anchors each district's label point, Earth-fixed
   * @param fontCss the labels' CSS font at scale 1
   * @param isShown whether the districts layer shows; read after every frame (a switch requests one)
   */
  constructor(
    private readonly scene: Scene,
    private readonly parent: HTMLElement,
    anchors: ReadonlyMap<string, Cartesian3>,
    fontCss: string,
    private readonly isShown: () => boolean,
  ) {
    this.layer = document.createElement('div');
    this.layer.className = 'district-labels';
    this.layer.dataset.testid = 'district-labels';
    // Above both canvases (Cesium's, and deck.gl's appended later), under the map's panels.
    Object.assign(this.layer.style, { position: 'absolute', inset: '0', zIndex: '1', pointerEvents: 'none', overflow: 'hidden' });
    for (const [id, world] of anchors) {
      const element = document.createElement('div');
      element.className = 'district-labels__label';
      element.dataset.districtId = id;
      Object.assign(element.style, {
        position: 'absolute',
        left: '0',
        top: '0',
        font: fontCss,
        color: '#e6f6ff',
        whiteSpace: 'nowrap',
        padding: '0.2em 0.45em',
        borderRadius: '4px',
        background: 'rgb(6 17 31 / 0.78)',
        textShadow: '0 0 3px #02070f, 0 0 3px #02070f',
        transformOrigin: '50% 100%',
        willChange: 'transform',
      });
      this.layer.append(element);
      this.entries.set(id, { element, world: Cartesian3.clone(world), widthPx: 0, heightPx: 0 });
    }
    parent.append(this.layer);
    this.removeListener = scene.postRender.addEventListener(() => this.place());
  }

  /** Writes each district's text (ids not listed keep theirs) and places the labels again. */
  setTexts(texts: ReadonlyMap<string, string>): void {
    for (const [id, text] of texts) {
      const entry = this.entries.get(id);
      if (!entry || entry.element.textContent === text) continue;
      entry.element.textContent = text;
      entry.widthPx = entry.element.offsetWidth;
      entry.heightPx = entry.element.offsetHeight;
    }
    this.place();
  }

  private place(): void {
    const shown = this.isShown();
    this.layer.style.display = shown ? '' : 'none';
    if (!shown) return;
    // Placed labels count as panels for the ones after them: at the city view, where districts crowd, a name that
    // would overlap another is left out rather than printed over it.
    const taken = panelBoxes(this.parent);
    const camera = this.scene.camera.positionWC;
    for (const entry of this.entries.values()) {
      if (entry.widthPx === 0) {
        entry.widthPx = entry.element.offsetWidth;
        entry.heightPx = entry.element.offsetHeight;
      }
      const at = SceneTransforms.worldToWindowCoordinates(this.scene, entry.world, this.scratchWindow);
      const scale = scaleByDistance(Cartesian3.distance(camera, entry.world), NEAR_M, NEAR_SCALE, FAR_M, FAR_SCALE);
      const box = at ? labelBox(at.x, at.y, entry.widthPx * scale, entry.heightPx * scale) : null;
      const visible = box !== null && !coveredByAny(box, taken);
      entry.element.style.visibility = visible ? 'visible' : 'hidden';
      if (visible && at) {
        taken.push(box);
        entry.element.style.transform = `translate(${at.x - entry.widthPx / 2}px, ${at.y - entry.heightPx}px) scale(${scale.toFixed(3)})`;
      }
    }
  }

  destroy(): void {
    this.removeListener();
    this.layer.remove();
  }
}
