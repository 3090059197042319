// alert-pulse.vert.glsl — alert markers: spreads each marker's four corners into a camera-facing square of a fixed size in CSS pixels around the alert's centre.
in vec3 position3DHigh;
in vec3 position3DLow;
// The corner, -1 or 1 on each axis.
in vec2 corner;
in vec4 color;
// x: phase offset, cycles (0–1), so markers do not pulse in lockstep; y: 1 for an escalated alert, else 0; z: size, CSS px.
in vec3 pulse;
in float batchId;

out vec2 v_corner;
out vec4 v_color;
out vec2 v_pulse;

void main()
{
    vec4 centreEC = czm_modelViewRelativeToEye * czm_computePosition();
    // Sized on screen, not on the ground: a marker reads the same across the whole city and up close.
    centreEC.xy += corner * 0.5 * pulse.z * czm_metersPerPixel(centreEC);
    v_corner = corner;
    v_color = color;
    v_pulse = pulse.xy;
    gl_Position = czm_projection * centreEC;
}
