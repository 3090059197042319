import { Cartographic, Math as CesiumMath } from 'cesium';
import { describe, expect, it } from 'vitest';
import { cameraAttributes } from './use-camera-attributes';

describe('cameraAttributes', () => {
  it('writes the camera position in degrees and metres and its heading in degrees', () => {
    const camera = { positionCartographic: Cartographic.fromDegrees(120.15, 30.25, 1500.4), heading: CesiumMath.toRadians(15) };
    expect(cameraAttributes(camera)).toEqual({
      'data-camera-lon-deg': '120.15000',
      'data-camera-lat-deg': '30.25000',
      'data-camera-height-m': '1500',
      'data-camera-heading-deg': '15.0',
    });
  });
});
