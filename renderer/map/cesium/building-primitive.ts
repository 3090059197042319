/**
 * All buildings of the city as one Cesium Primitive: a single geometry in the
 * city's local frame, drawn with the building-tint shaders. One draw call for
 * tens of thousands of buildings, instead of one Entity each.
 */
import {
  Appearance,
  BoundingSphere,
  Cartesian3,
  ComponentDatatype,
  Geometry,
  GeometryAttribute,
  GeometryAttributes,
  GeometryInstance,
  type Matrix4,
  Primitive,
  PrimitiveType,
} from 'cesium';
import fragmentShaderSource from '@shaders/building-tint.frag.glsl?raw';
import vertexShaderSource from '@shaders/building-tint.vert.glsl?raw';
import type { BuildingMesh } from './building-mesh';

export function createBuildingPrimitive(mesh: BuildingMesh, modelMatrix: Matrix4): Primitive {
  const geometry = new Geometry({
    // GeometryAttributes types only the standard names; Cesium passes every attribute to the shader by name.
    attributes: Object.assign(new GeometryAttributes(), {
      position: new GeometryAttribute({
        componentDatatype: ComponentDatatype.DOUBLE,
        componentsPerAttribute: 3,
        values: mesh.positions,
      }),
      color: new GeometryAttribute({
        componentDatatype: ComponentDatatype.UNSIGNED_BYTE,
        componentsPerAttribute: 4,
        normalize: true,
        values: mesh.colors,
      }),
      shade: new GeometryAttribute({
        componentDatatype: ComponentDatatype.FLOAT,
        componentsPerAttribute: 2,
        values: mesh.shade,
      }),
    }),
    indices: mesh.indices,
    primitiveType: PrimitiveType.TRIANGLES,
    boundingSphere: new BoundingSphere(Cartesian3.ZERO, mesh.radiusM),
  });
  return new Primitive({
    geometryInstances: new GeometryInstance({ geometry, modelMatrix, id: 'city-buildings' }),
    appearance: new Appearance({
      vertexShaderSource,
      fragmentShaderSource,
      translucent: false,
      closed: true,
      renderState: { depthTest: { enabled: true }, depthMask: true, cull: { enabled: true } },
    }),
    // The mesh is built in our own worker already; Cesium's workers would only copy it again.
    asynchronous: false,
    compressVertices: false,
    releaseGeometryInstances: true,
    allowPicking: false,
  });
}
