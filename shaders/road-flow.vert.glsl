// road-flow.vert.glsl — road-flow layer: hands each fragment its distance along the link and the link's pulse phase and rate (injected into deck.gl's PathLayer vertex shader).
in float instanceFlowDistancesM;
// x: pulse phase, cycles; y: pulse rate, per second.
in vec2 instanceFlowPulses;

out float vFlowDistanceM;
out vec2 vFlowPulse;

// pathPosition.y runs along the segment in the units of pathLength (PathLayer's vPathPosition, vPathLength);
// the segment's ends are in metres (METER_OFFSETS), so its length on the ground is theirs.
void roadFlow_setVaryings(vec2 pathPosition, float pathLength, vec3 segmentStartM, vec3 segmentEndM) {
  float along = pathLength > 0.0 ? pathPosition.y / pathLength : 0.0;
  vFlowDistanceM = instanceFlowDistancesM + along * length(segmentEndM - segmentStartM);
  vFlowPulse = instanceFlowPulses;
}
