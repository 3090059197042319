// building-tint.vert.glsl — city buildings: passes eye-space position, tint and height shade to the fragment stage.
in vec3 position3DHigh;
in vec3 position3DLow;
in vec4 color;
in vec2 shade;
in float batchId;

out vec3 v_positionEC;
out vec4 v_color;
out vec2 v_shade;

void main()
{
    vec4 p = czm_computePosition();
    v_positionEC = (czm_modelViewRelativeToEye * p).xyz;
    v_color = color;
    v_shade = shade;
    gl_Position = czm_modelViewProjectionRelativeToEye * p;
}
