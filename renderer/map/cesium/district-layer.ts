/**
 * District outlines, a faint fill and bilingual name labels. Outlines and
 * fills are one Primitive each (Primitive API); the names are HTML above
 * the traffic overlay (district-labels.ts).
 */
import {
  ArcType,
  Color,
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  PerInstanceColorAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  PolylineColorAppearance,
  PolylineGeometry,
  Primitive,
  PrimitiveCollection,
  type Scene,
} from 'cesium';
import type { CityMeta } from '@protocol';
import { type DistrictRollup, badgedLabel } from '../district-rollup';
import type { CityFrame } from './city-frame';
import { DistrictLabels } from './district-labels';

/** Lift above the ellipsoid so outlines never fight the globe's depth, in metres. */
const OUTLINE_LIFT_M = 3;
const OUTLINE_COLOR = Color.fromCssColorString('#3ad6ff').withAlpha(0.75);
const FILL_COLOR = Color.fromCssColorString('#1b6fa8').withAlpha(0.08);
/** Label font family; Noto Sans SC ships with the app, so Chinese renders offline. */
const LABEL_FONT_FAMILY = '"Noto Sans SC", "Microsoft YaHei", sans-serif';

/**
 * Label size for a map this wide, in CSS pixels: about a fiftieth of the width,
 * so a 4K wall panel gets names that read from across the room.
 */
export function labelFontPx(mapWidthPx: number): number {
  return Math.round(Math.min(64, Math.max(18, mapWidthPx / 50)));
}

export const labelFont = (sizePx: number) => `600 ${sizePx}px ${LABEL_FONT_FAMILY}`;

export type LabelLanguage = 'zh' | 'en';

export interface DistrictLayer {
  primitive: PrimitiveCollection;
  setLanguage(language: LabelLanguage): void;
  /** Tints each district's fill and badges its label (congestion and open alerts); districts not in the map keep theirs. */
  setRollup(rollup: ReadonlyMap<string, DistrictRollup>): void;
  /** Removes the labels (the primitives go with the scene's collection). */
  destroy(): void;
}

/** Where the labels go: the scene they follow and the element its canvases fill. */
export interface LabelHost {
  scene: Scene;
  element: HTMLElement;
}

export function createDistrictLayer(
  meta: CityMeta,
  frame: CityFrame,
  language: LabelLanguage,
  fontPx: number,
  host: LabelHost,
): DistrictLayer {
  const collection = new PrimitiveCollection();
  const outlineInstances: GeometryInstance[] = [];
  const fillInstances: GeometryInstance[] = [];
  for (const district of meta.districts) {
    const ring = district.ringM.map(([x, y]) => frame.toWorld(x, y, OUTLINE_LIFT_M));
    outlineInstances.push(
      new GeometryInstance({
        id: district.id,
        geometry: new PolylineGeometry({ positions: [...ring, ring[0]!], width: 3, arcType: ArcType.NONE }),
        attributes: { color: ColorGeometryInstanceAttribute.fromColor(OUTLINE_COLOR) },
      }),
    );
    fillInstances.push(
      new GeometryInstance({
        id: district.id,
        geometry: new PolygonGeometry({ polygonHierarchy: new PolygonHierarchy(ring), height: 1 }),
        attributes: { color: ColorGeometryInstanceAttribute.fromColor(FILL_COLOR) },
      }),
    );
  }
  const fill = collection.add(
    new Primitive({
      geometryInstances: fillInstances,
      appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }),
      allowPicking: false,
    }),
  ) as Primitive;
  collection.add(
    new Primitive({
      geometryInstances: outlineInstances,
      appearance: new PolylineColorAppearance({ translucent: true }),
      allowPicking: false,
    }),
  );

  // Above the ground a little, as the Cesium labels stood, so a name is not hidden where a tower's foot is.
  const anchors = new Map(meta.districts.map((district) => [district.id, frame.toWorld(district.labelM[0], district.labelM[1], 60)]));
  const labels = new DistrictLabels(host.scene, host.element, anchors, labelFont(fontPx), () => collection.show);
  let shownLanguage = language;
  let shownRollup: ReadonlyMap<string, DistrictRollup> = new Map();
  const writeLabels = () => {
    const texts = new Map(
      meta.districts.map((district) => {
        const name = shownLanguage === 'zh' ? district.name.zh : district.name.en;
        return [district.id, badgedLabel(name, shownRollup.get(district.id)?.openAlerts ?? 0)];
      }),
    );
    labels.setTexts(texts);
  };
  const setLanguage = (next: LabelLanguage) => {
    shownLanguage = next;
    writeLabels();
  };
  const setRollup = (rollup: ReadonlyMap<string, DistrictRollup>) => {
    shownRollup = rollup;
    writeLabels();
    // Per-instance colours can be written once the primitive is built; until then the base fill shows.
    if (!fill.ready) return;
    for (const [districtId, { fill: rgba }] of rollup) {
      const attributes = fill.getGeometryInstanceAttributes(districtId) as { color?: Uint8Array } | undefined;
      if (attributes) attributes.color = Uint8Array.from(rgba);
    }
  };
  setLanguage(language);
  return { primitive: collection, setLanguage, setRollup, destroy: () => labels.destroy() };
}
