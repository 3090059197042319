/**
 * A city's photogrammetry, when its meta names a 3D Tiles tileset the bridge
 * serves. The tileset is georeferenced by its own transforms, so it needs no
 * city frame; it streams its tiles while the footprint city is already shown.
 */
import { Cesium3DTileset, type CesiumWidget } from 'cesium';
import type { CityMeta } from '@protocol';

/**
 * Adds the tileset to the scene; resolves with it, or with null when the city
 * has none or it cannot be loaded (the reason is logged: the footprint city
 * still serves the operator).
 */
export async function addPhotogrammetry(widget: CesiumWidget, meta: CityMeta): Promise<Cesium3DTileset | null> {
  if (!meta.tileset) return null;
  try {
    const tileset = await Cesium3DTileset.fromUrl(meta.tileset.url, { maximumScreenSpaceError: 8 });
    if (widget.isDestroyed()) return null;
    widget.scene.primitives.add(tileset);
    widget.scene.requestRender();
    return tileset;
  } catch (error) {
    console.warn(`photogrammetry ${meta.tileset.url} could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
