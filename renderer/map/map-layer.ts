/**
 * What a map layer declares (see map-layers.ts for the layers themselves):
 * its id, its switch, its legend and how it is drawn — a Cesium primitive,
 * a deck.gl layer over the Cesium view, or markers. The map, its switches,
 * its legend and the layers store all read these declarations, so a new
 * layer is one new entry.
 */
import type { Layer } from '@deck.gl/core';
import type { CesiumWidget, Primitive, PrimitiveCollection } from 'cesium';
import type { Ref } from 'vue';
import type { CityData } from '../features/city/city-api';
import type { CityFrame } from './cesium/city-frame';
import type { LabelHost, LabelLanguage } from './cesium/district-layer';
import type { TrafficLayerInputs } from './deck/traffic-layers';

/**
 * What a map is for: the whole twin (console, the wall's twin panel) or its
 * traffic alone (the wall's traffic panel, which leaves the buildings out).
 */
export type MapMode = 'twin' | 'traffic';

/** The on/off switch of a layer. */
export interface LayerToggle {
  /** i18n key of the switch's label. */
  labelKey: string;
  /** Whether the layer shows until the viewer switches it off. */
  defaultOn: boolean;
  /** Maps that may show the layer; on the others it stays hidden whatever the switch says. */
  modes: readonly MapMode[];
}

/** One labelled mark under a legend's colour bar. */
export interface LegendTick {
  /** The figure the label shows (formatted as an integer). */
  value: number;
  /** Where the mark sits along the bar, percent from the left. */
  atPercent: number;
  /** Which part of the label sits on the mark: its centre, or its start or end at the bar's ends. */
  align: 'centre' | 'start' | 'end';
}

/** A legend entry: the colour bar a layer draws with, and what its colours mean. */
export interface LegendScale {
  /** i18n key of the caption, which names the quantity and its unit. */
  captionKey: string;
  /** CSS background of the bar, left (0) to right. */
  rampCss: string;
  ticks: readonly LegendTick[];
  /** i18n keys of the names the bar's tooltip lists, e.g. the congestion levels; empty for no tooltip. */
  titleKeys: readonly string[];
}

/** What a Cesium layer's builder gets. */
export interface CesiumLayerContext {
  city: CityData;
  frame: CityFrame;
  language: LabelLanguage;
  /** Width of the map, CSS px: text is sized from it. */
  mapWidthPx: number;
  /** Where HTML labels over the map go: the scene they follow and the element its canvases fill. */
  labelHost: LabelHost;
}

/** What a Cesium layer's builder makes: one primitive (or collection) in the scene. */
export interface CesiumLayer {
  /** Added to the scene's primitives; shown and hidden with the layer's switch. */
  readonly primitive: Primitive | PrimitiveCollection;
  /** Writes the layer's text in the UI language; layers without text leave it out. */
  setLanguage?(language: LabelLanguage): void;
  /** Removes what the layer put outside the scene's primitives (HTML labels); layers without such leave it out. */
  destroy?(): void;
}

export interface CesiumDrawing<L extends CesiumLayer = CesiumLayer> {
  kind: 'cesium';
  build(context: CesiumLayerContext): L | Promise<L>;
}

/** A deck.gl layer of live traffic, rebuilt on every draw (see traffic-layers.ts). */
export interface DeckDrawing {
  kind: 'deck';
  /** A hidden layer is built with `visible: false` rather than left out, so it keeps its GPU state. */
  build(inputs: TrafficLayerInputs, visible: boolean): Layer;
  /** The layer moves by itself (pulses): the overlay redraws it while shown and the sim runs. */
  animated: boolean;
}

/** What a markers layer gets from the map. */
export interface MarkerLayerHost {
  widget: Ref<CesiumWidget | null>;
  /** Whether the city is drawn; the markers come and go with it. */
  drawn: Ref<boolean>;
  /** Whether the layer is shown. */
  visible: Ref<boolean>;
  /** Called with the number of markers drawn after each change. */
  onDrawn(count: number): void;
}

/** What the map can ask of a markers layer. */
export interface MarkerLayerHandle {
  /** Whether a marker lies under this canvas position (CSS px); the markers' own click handler takes that click. */
  hits(xPx: number, yPx: number): boolean;
}

/** Markers with a click of their own, drawn by a composable the map calls in its setup. */
export interface MarkersDrawing {
  kind: 'markers';
  use(host: MarkerLayerHost): MarkerLayerHandle;
  /** Attribute on the map's root that carries the marker count, for tests and the wall's watchdog. */
  countAttribute: `data-${string}`;
}

export type LayerDrawing = CesiumDrawing | DeckDrawing | MarkersDrawing;

export interface MapLayerEntry<D extends LayerDrawing = LayerDrawing> {
  readonly id: string;
  /** Its switch; null for a layer that always shows. */
  readonly toggle: LayerToggle | null;
  /** Its legend entry; null for a layer whose look needs none. */
  readonly legend: LegendScale | null;
  readonly draw: D;
}
