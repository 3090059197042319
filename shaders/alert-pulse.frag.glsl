// alert-pulse.frag.glsl — alert markers: a solid dot in the severity's colour with a ring that grows from it and fades, faster and brighter for an escalated alert.
in vec2 v_corner;
in vec4 v_color;
// x: phase offset, cycles; y: 1 for an escalated alert, else 0.
in vec2 v_pulse;

const float DOT_RADIUS = 0.28;
const float OUTLINE_WIDTH = 0.06;
const float RING_WIDTH = 0.09;
// Seconds per ring: calm, then urgent.
const float CALM_PERIOD_S = 2.0;
const float LOUD_PERIOD_S = 0.9;

void main()
{
    // Distance from the centre, 1 at the edge of the square's inscribed circle.
    float r = length(v_corner);
    if (r > 1.0) discard;
    float loud = v_pulse.y;
    float periodS = mix(CALM_PERIOD_S, LOUD_PERIOD_S, loud);
    // alertPulse_timeS() is declared by the markers' material, the one way Cesium binds a uniform to an Appearance.
    float phase = fract(alertPulse_timeS() / periodS + v_pulse.x);
    float ringRadius = mix(DOT_RADIUS, 1.0 - RING_WIDTH, phase);
    float ring = (1.0 - smoothstep(0.0, RING_WIDTH, abs(r - ringRadius))) * (1.0 - phase) * mix(0.75, 1.0, loud);

    // A dark outline keeps the dot legible over bright roads and tower crowns.
    float dot = 1.0 - smoothstep(DOT_RADIUS - 0.02, DOT_RADIUS, r);
    float outline = 1.0 - smoothstep(DOT_RADIUS + OUTLINE_WIDTH - 0.02, DOT_RADIUS + OUTLINE_WIDTH, r);
    vec3 dotColor = mix(v_color.rgb, vec3(1.0), 0.25 * loud);
    vec4 marker = vec4(mix(vec3(0.02, 0.04, 0.08), dotColor, dot), outline);
    vec4 halo = vec4(v_color.rgb, ring);
    out_FragColor = marker.a > 0.0 ? marker : halo;
    if (out_FragColor.a < 0.01) discard;
}
