/**
 * The road-flow layer's uniform block, and its TypeScript twin: the order
 * and types of `uniformTypes` must match the GLSL block.
 */
import type { ShaderModule } from '@luma.gl/shadertools';

const uniformBlock = `\
layout(std140) uniform roadFlowUniforms {
  float elapsedS;
  float spacingM;
  float tailSharpness;
  float baseBrightness;
  float pulseStrength;
} roadFlow;
`;

export interface RoadFlowUniformProps {
  /** Seconds since the pulse phases in the data were taken. */
  elapsedS: number;
  /** Distance between pulses along a link, metres. */
  spacingM: number;
  /** Exponent of a pulse's fade from head to tail; higher is a shorter tail. */
  tailSharpness: number;
  /** Brightness of the road between pulses, as a share of its colour (0–1). */
  baseBrightness: number;
  /** How much the pulses show (0–1); 0 draws plain coloured roads. */
  pulseStrength: number;
}

export const roadFlowUniforms = {
  name: 'roadFlow',
  fs: uniformBlock,
  uniformTypes: {
    elapsedS: 'f32',
    spacingM: 'f32',
    tailSharpness: 'f32',
    baseBrightness: 'f32',
    pulseStrength: 'f32',
  },
} as const satisfies ShaderModule<RoadFlowUniformProps>;
