/**
 * deck.gl over the Cesium view: a canvas of its own on top of Cesium's,
 * blind to the pointer and without a deck controller, because Cesium owns
 * the camera. After every Cesium frame the deck camera follows (see
 * camera-sync.ts and README.md); deck draws the deck.gl layers of
 * map-layers.ts, and redraws when the traffic changes and, while an animated
 * layer (road flow) is shown and the sim runs, about 30 times a second (5 on
 * a renderer without a GPU) — unless the viewer asks for reduced motion,
 * when roads keep their colours and the pulses are left out.
 *
 * Ordering: Cesium's render loop was running before this overlay's Deck
 * started its own, and requestAnimationFrame keeps callbacks in order, so
 * in each browser frame deck draws after Cesium has moved the camera.
 */
import { Deck, MapView } from '@deck.gl/core';
import type { CesiumWidget, Matrix4 } from 'cesium';
import type { ProcessedTrafficFrame, TrafficGeometry } from '../../features/traffic/traffic-frame-processor';
import { type CityAnchor, type DeckCameraView, createCityAnchor, deckViewFromCesium, poseOf } from './camera-sync';
import { DECK_LAYERS, type MapLayerId } from '../map-layers';
import { limitTilt } from './tilt-limit';

/** What the overlay draws; replaced as a whole by `update`. */
export interface TrafficOverlayInputs {
  geometry: TrafficGeometry | null;
  frame: ProcessedTrafficFrame | null;
  /** The map's shown layers; the deck.gl ones among them are drawn. */
  shown: ReadonlySet<MapLayerId>;
  /** The sim is paused: the flow pulses stand still. */
  paused: boolean;
}

export interface TrafficOverlayOptions {
  widget: CesiumWidget;
  /** Positioned element the overlay's canvas fills; Cesium's canvas should fill it too. */
  container: HTMLElement;
  /** The city origin, degrees. */
  origin: { lonDeg: number; latDeg: number };
  /** The city frame's model matrix (east-north-up at the origin to Earth-fixed). */
  localToFixed: Matrix4;
  /** Called once deck.gl has drawn with a frame's data (shown or hidden), with the frame's sequence number. */
  onFrameDrawn?: (seq: number) => void;
  /** Called when deck.gl reports an error (e.g. a shader that does not compile). @default console.error */
  onError?: (error: Error) => void;
}

const NOTHING: TrafficOverlayInputs = { geometry: null, frame: null, shown: new Set(), paused: false };

/**
 * Least time between two heatmap updates, ms: each one re-aggregates every
 * heat point on the GPU, density changes slowly, and frames come 4 a second.
 */
const HEAT_REFRESH_MS = 1000;
/** Least time between two animation frames, ms: 30 pulse steps a second are smooth, and half the work of 60. */
const ANIMATION_FRAME_MS = 1000 / 30;
/**
 * The same on a renderer that draws on the CPU (SwiftShader: a machine
 * without a GPU, a headless test browser), where each full redraw takes
 * long enough that 30 a second would leave no time for anything else.
 */
const CPU_ANIMATION_FRAME_MS = 1000 / 5;

export class TrafficOverlay {
  private readonly widget: CesiumWidget;
  private readonly canvas: HTMLCanvasElement;
  private readonly deck: Deck<MapView>;
  private readonly anchor: CityAnchor;
  private readonly onFrameDrawn: (seq: number) => void;
  private readonly detach: (() => void)[] = [];
  private inputs = NOTHING;
  private view: DeckCameraView | undefined;
  private fovy = 0;
  /** The frame in the layers deck was last given, and the last one reported drawn. */
  private layersFrame: ProcessedTrafficFrame | null = null;
  private reportedFrame: ProcessedTrafficFrame | null = null;
  /** The frame the heatmap shows, when it took it (performance.now() ms), and the timer that brings it up to date. */
  private heatFrame: ProcessedTrafficFrame | null = null;
  private heatFrameAtMs = 0;
  private heatTimer: ReturnType<typeof setTimeout> | undefined;
  private lastAnimationMs = 0;
  private animationFrameMs = ANIMATION_FRAME_MS;
  private readonly reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  /** While the sim is paused, the pulses' clock stands at the moment it paused (performance.now() ms). */
  private pausedAtMs: number | null = null;
  private animationRequest = 0;

  constructor(options: TrafficOverlayOptions) {
    this.widget = options.widget;
    this.anchor = createCityAnchor(options.origin, options.localToFixed);
    this.onFrameDrawn = options.onFrameDrawn ?? (() => {});
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'traffic-overlay';
    Object.assign(this.canvas.style, { position: 'absolute', inset: '0', width: '100%', height: '100%', pointerEvents: 'none' });
    options.container.append(this.canvas);

    const onError = options.onError ?? ((error: Error) => console.error('traffic overlay:', error));
    this.deck = new Deck<MapView>({
      canvas: this.canvas,
      width: '100%',
      height: '100%',
      controller: false,
      views: this.mapView(),
      layers: [],
      onAfterRender: () => this.reportDrawnFrame(),
      onDeviceInitialized: (device) => {
        if (device.info.gpuType === 'cpu') this.animationFrameMs = CPU_ANIMATION_FRAME_MS;
      },
      onError: (error) => onError(error),
    });

    const onMotionPreference = () => this.update(this.inputs);
    this.reducedMotion.addEventListener('change', onMotionPreference);
    this.detach.push(() => this.reducedMotion.removeEventListener('change', onMotionPreference));

    const { scene } = this.widget;
    this.detach.push(limitTilt(scene, this.anchor));
    this.detach.push(scene.postRender.addEventListener(() => this.followCamera()));
    // A first Cesium frame gives deck its first view.
    scene.requestRender();
  }

  /** Draws `inputs` from now on. */
  update(inputs: TrafficOverlayInputs): void {
    if (inputs.paused && this.pausedAtMs === null) this.pausedAtMs = performance.now();
    if (!inputs.paused) this.pausedAtMs = null;
    this.inputs = inputs;
    this.refreshHeat();
    this.setLayers();
    this.animate();
  }

  destroy(): void {
    cancelAnimationFrame(this.animationRequest);
    clearTimeout(this.heatTimer);
    for (const detach of this.detach.splice(0)) detach();
    this.deck.finalize();
    this.canvas.remove();
  }

  private followCamera(): void {
    const pose = poseOf(this.widget.camera);
    this.view = pose && deckViewFromCesium(pose, this.widget.canvas.clientHeight, this.anchor);
    if (!this.view) {
      this.setLayers();
      return;
    }
    if (this.view.fovy !== this.fovy) {
      this.fovy = this.view.fovy;
      this.deck.setProps({ views: this.mapView() });
    }
    this.deck.setProps({ viewState: this.view.viewState });
    this.setLayers();
  }

  private setLayers(): void {
    const { geometry, frame, shown } = this.inputs;
    if (!this.view || !geometry || !frame || !this.heatFrame) {
      this.deck.setProps({ layers: [] });
      return;
    }
    this.layersFrame = frame;
    const inputs = {
      geometry,
      frame,
      heatFrame: this.heatFrame,
      originLngLat: this.anchor.originLngLat,
      view: this.view,
      still: this.reducedMotion.matches,
      viewHeightPx: this.widget.canvas.clientHeight,
      nowMs: this.pausedAtMs ?? performance.now(),
    };
    this.deck.setProps({ layers: DECK_LAYERS.map((layer) => layer.draw.build(inputs, shown.has(layer.id))) });
  }

  /** Hands the heatmap the newest frame, at most once per HEAT_REFRESH_MS; a frame that must wait is handed over when it may. */
  private refreshHeat(): void {
    const { frame } = this.inputs;
    clearTimeout(this.heatTimer);
    if (!frame || frame === this.heatFrame) return;
    const waitMs = this.heatFrameAtMs + HEAT_REFRESH_MS - performance.now();
    // A frame for another city (other heat points) cannot wait.
    if (waitMs <= 0 || frame.heatWeights.length !== this.heatFrame?.heatWeights.length) {
      this.heatFrame = frame;
      this.heatFrameAtMs = performance.now();
      return;
    }
    this.heatTimer = setTimeout(() => {
      this.refreshHeat();
      this.setLayers();
    }, waitMs);
  }

  /** Redraws about 30 times a second (5 on a CPU) while there are pulses to move, and stops by itself otherwise. */
  private animate(): void {
    cancelAnimationFrame(this.animationRequest);
    const { frame, shown, paused } = this.inputs;
    const moving = DECK_LAYERS.some((layer) => layer.draw.animated && shown.has(layer.id));
    if (!frame || !moving || paused || this.reducedMotion.matches) return;
    this.animationRequest = requestAnimationFrame((nowMs) => {
      if (nowMs - this.lastAnimationMs >= this.animationFrameMs) {
        this.lastAnimationMs = nowMs;
        this.setLayers();
      }
      this.animate();
    });
  }

  private reportDrawnFrame(): void {
    const frame = this.layersFrame;
    if (!frame || frame === this.reportedFrame) return;
    this.reportedFrame = frame;
    this.onFrameDrawn(frame.seq);
  }

  private mapView(): MapView {
    // Until the first sync, any lens will do: nothing is drawn without a view.
    return new MapView({ id: 'city', controller: false, ...(this.fovy > 0 && { fovy: this.fovy }) });
  }
}
