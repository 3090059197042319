// building-tint.frag.glsl — city buildings: flat-shaded walls and roofs, brighter toward the top, towers with a cyan crown.
in vec3 v_positionEC;
in vec4 v_color;
// x: 0 at the base, 1 at the roof; y: building height relative to a tall tower (0–1).
in vec2 v_shade;

// A key light fixed to the camera, up and to the left, so the city reads the same at any hour.
const vec3 KEY_LIGHT_EC = vec3(-0.35, 0.75, 0.56);
const vec3 CROWN_COLOR = vec3(0.20, 0.85, 1.00);

void main()
{
    // Flat normal from screen-space derivatives: walls share corner vertices, so no normal attribute exists.
    vec3 normalEC = normalize(cross(dFdx(v_positionEC), dFdy(v_positionEC)));
    float diffuse = 0.45 + 0.55 * max(dot(normalEC, normalize(KEY_LIGHT_EC)), 0.0);
    float rise = 0.55 + 0.55 * v_shade.x;
    vec3 rgb = v_color.rgb * diffuse * rise;
    float crown = smoothstep(0.9, 1.0, v_shade.x) * smoothstep(0.25, 0.9, v_shade.y);
    rgb = mix(rgb, CROWN_COLOR, 0.45 * crown);
    out_FragColor = vec4(rgb, 1.0);
}
