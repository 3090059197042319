/**
 * Every road link as a path coloured by its congestion, with bright pulses
 * travelling along it in its direction of travel, as fast as its traffic:
 * deck.gl's PathLayer plus the road-flow shaders (shaders/road-flow.*.glsl).
 *
 * Data is binary only: per-vertex typed arrays from the traffic worker, so
 * a new frame swaps attribute arrays and builds no objects.
 */
import type { DefaultProps } from '@deck.gl/core';
import { PathLayer, type PathLayerProps } from '@deck.gl/layers';
import fragmentSource from '@shaders/road-flow.frag.glsl?raw';
import vertexSource from '@shaders/road-flow.vert.glsl?raw';
import { roadFlowUniforms } from './road-flow-layer-uniforms';

/** Smallest spacing between pulses, metres. */
const MIN_SPACING_M = 4;

type _RoadFlowLayerProps = {
  /**
   * Seconds since the pulse phases in the data were taken; advance it every
   * frame to animate.
   * @default 0
   */
  elapsedS?: number;
  /**
   * Spacing between pulses the layer aims for on screen, CSS pixels. The
   * spacing on the ground is the power of two metres nearest to it, so
   * pulses hold still on the road while the camera moves and only re-space
   * when the zoom doubles.
   * @default 48
   */
  pulseSpacingPx?: number;
  /**
   * Exponent of each pulse's fade from head to tail; higher is shorter.
   * @default 3
   */
  tailSharpness?: number;
  /**
   * Brightness of the road between pulses, as a share of its colour (0–1);
   * high enough that the colour still reads as the legend's.
   * @default 0.8
   */
  baseBrightness?: number;
  /**
   * How much the pulses show, 0–1: 0 draws plain coloured roads (for people
   * who ask for reduced motion), 1 full pulses.
   * @default 1
   */
  pulseStrength?: number;
  /** Distance along its link at each vertex, metres. Binary data only. @default 0 */
  getFlowDistance?: number;
  /**
   * At each vertex: the pulse phase, cycles (0–1) as of `elapsedS` = 0, and
   * the pulses per second. Binary data only.
   * @default [0, 0]
   */
  getFlowPulse?: [number, number];
};

export type RoadFlowLayerProps = _RoadFlowLayerProps & PathLayerProps;

const defaultProps: DefaultProps<RoadFlowLayerProps> = {
  elapsedS: { type: 'number', value: 0 },
  pulseSpacingPx: { type: 'number', min: 1, value: 48 },
  tailSharpness: { type: 'number', min: 0, value: 3 },
  baseBrightness: { type: 'number', min: 0, max: 1, value: 0.8 },
  pulseStrength: { type: 'number', min: 0, max: 1, value: 1 },
  getFlowDistance: { type: 'accessor', value: 0 },
  getFlowPulse: { type: 'accessor', value: [0, 0] },
};

/**
 * Ground spacing of the pulses, metres: the power of two nearest to
 * `spacingPx` pixels at `metersPerPixel`, and at least a few metres.
 */
export function pulseSpacingM(metersPerPixel: number, spacingPx: number): number {
  return Math.max(MIN_SPACING_M, 2 ** Math.round(Math.log2(metersPerPixel * spacingPx)));
}

export class RoadFlowLayer extends PathLayer<unknown, Required<_RoadFlowLayerProps>> {
  static override layerName = 'RoadFlowLayer';
  static override defaultProps = defaultProps;

  override getShaders() {
    const shaders = super.getShaders();
    return {
      ...shaders,
      inject: {
        ...shaders.inject,
        'vs:#decl': vertexSource,
        'vs:#main-end': 'roadFlow_setVaryings(vPathPosition, vPathLength, instanceStartPositions, instanceEndPositions);',
        'fs:#decl': fragmentSource,
        'fs:#main-end': 'fragColor = roadFlow_shade(fragColor);',
      },
      modules: [...shaders.modules, roadFlowUniforms],
    };
  }

  override initializeState(): void {
    super.initializeState();
    // Two attributes only: PathLayer already uses 13 of the 16 that WebGL guarantees.
    this.getAttributeManager()!.addInstanced({
      instanceFlowDistancesM: { size: 1, accessor: 'getFlowDistance' },
      instanceFlowPulses: { size: 2, accessor: 'getFlowPulse' },
    });
  }

  override draw(options: { uniforms: unknown }): void {
    const { elapsedS, pulseSpacingPx, tailSharpness, baseBrightness, pulseStrength } = this.props;
    const spacingM = pulseSpacingM(this.context.viewport.metersPerPixel, pulseSpacingPx);
    this.state.model?.shaderInputs.setProps({
      roadFlow: { elapsedS, spacingM, tailSharpness, baseBrightness, pulseStrength },
    });
    super.draw(options);
  }
}
