// road-flow.frag.glsl — road-flow layer: bright pulses with fading tails travel along each link, as fast as its traffic (injected into deck.gl's PathLayer fragment shader).
in float vFlowDistanceM;
// x: pulse phase, cycles; y: pulse rate, per second.
in vec2 vFlowPulse;

vec4 roadFlow_shade(vec4 color) {
  // Position behind the nearest pulse head, in spacings: 0 at the head, growing toward its tail.
  float behindHead = fract(vFlowPulse.x + vFlowPulse.y * roadFlow.elapsedS - vFlowDistanceM / roadFlow.spacingM);
  float pulse = roadFlow.pulseStrength * pow(1.0 - behindHead, roadFlow.tailSharpness);
  // The head runs toward white, so it shows on every colour of the ramp.
  vec3 lit = min(color.rgb * 1.3 + 0.35, vec3(1.0));
  float base = mix(1.0, roadFlow.baseBrightness, roadFlow.pulseStrength);
  return vec4(mix(color.rgb * base, lit, pulse), color.a);
}
