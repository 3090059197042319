/**
 * Reads one GeoJSON FeatureCollection of a city and hands out its features
 * with the checks every layer needs: the geometry type, positions as
 * [lon, lat] numbers, and properties read by field. Every error names the
 * file and the feature (its index, and its id once known).
 */
import { readFileSync } from 'node:fs';
import type * as v from 'valibot';
import { type Schema, ValidationError, describe, parseAt } from '../../protocol';

export class CityFileError extends Error {
  override name = 'CityFileError';
}

/** [lonDeg, latDeg], WGS84; a third number (height) is allowed and ignored. */
export type Position = [number, number];

export interface GeoFeature {
  /** `features[i]`, or `features[i] (id "x")` once the id is read: how errors name it. */
  label: string;
  index: number;
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}

export class GeoJsonFile {
  private constructor(
    readonly file: string,
    /** What the file holds, e.g. `roads`, for error messages. */
    readonly layer: string,
    readonly features: readonly GeoFeature[],
  ) {}

  /** Reads and checks the collection; throws CityFileError naming the file. */
  static read(file: string, layer: string): GeoJsonFile {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw new CityFileError(`${layer} file ${file}: ${reason}`);
    }
    const collection = json as { type?: unknown; features?: unknown } | null;
    if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
      throw new CityFileError(`${layer} file ${file}: expected a GeoJSON FeatureCollection, got ${describe(collection?.type ?? json)}`);
    }
    const features = collection.features.map((value: unknown, index: number): GeoFeature => {
      const feature = value as { type?: unknown; geometry?: unknown; properties?: unknown } | null;
      const label = `features[${index}]`;
      const fail = (reason: string) => new CityFileError(`${layer} file ${file}: ${label}: ${reason}`);
      if (feature?.type !== 'Feature') throw fail(`expected a Feature, got ${describe(feature?.type ?? value)}`);
      const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null;
      if (typeof geometry?.type !== 'string') throw fail('has no geometry');
      const properties = feature.properties ?? {};
      if (typeof properties !== 'object' || Array.isArray(properties)) throw fail('properties must be an object');
      return { label, index, geometry: { type: geometry.type, coordinates: geometry.coordinates }, properties: properties as Record<string, unknown> };
    });
    return new GeoJsonFile(file, layer, features);
  }

  /** An error about the file as a whole. */
  fileError(reason: string): CityFileError {
    return new CityFileError(`${this.layer} file ${this.file}: ${reason}`);
  }

  /** An error naming the file and the feature. */
  error(feature: GeoFeature, reason: string): CityFileError {
    return new CityFileError(`${this.layer} file ${this.file}: ${feature.label}: ${reason}`);
  }

  /** Reads the feature's `id` property (a string or number, as an id) and names the feature by it from now on. */
  id(feature: GeoFeature): string {
    const raw = feature.properties.id;
    const id = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
    if (typeof id !== 'string' || !/^[A-Za-z0-9_.:-]{1,64}$/.test(id)) {
      throw this.error(feature, `properties.id must be 1–64 letters, digits or _ . : -, got ${describe(raw)}`);
    }
    feature.label = `features[${feature.index}] (id "${id}")`;
    return id;
  }

  /** Reads `properties[key]` with a schema; errors name the file, the feature and the property. */
  prop<S extends Schema>(feature: GeoFeature, key: string, schema: S): v.InferOutput<S> {
    try {
      return parseAt(schema, feature.properties[key], `properties.${key}`);
    } catch (error) {
      if (error instanceof ValidationError) throw this.error(feature, error.message);
      throw error;
    }
  }

  /** Like `prop`, but undefined when the property is absent or null. */
  optionalProp<S extends Schema>(feature: GeoFeature, key: string, schema: S): v.InferOutput<S> | undefined {
    const value = feature.properties[key];
    return value === undefined || value === null ? undefined : this.prop(feature, key, schema);
  }

  /** The geometry's coordinates, after checking its type is one of `types`. */
  geometry(feature: GeoFeature, types: readonly string[]): { type: string; coordinates: unknown } {
    if (!types.includes(feature.geometry.type)) {
      throw this.error(feature, `expected a ${types.join(' or ')} geometry, got ${feature.geometry.type}`);
    }
    return feature.geometry;
  }

  position(feature: GeoFeature, value: unknown): Position {
    if (!Array.isArray(value) || value.length < 2 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      throw this.error(feature, `expected a position [lon, lat], got ${describe(value)}`);
    }
    const [lon, lat] = value as number[];
    if (lon! < -180 || lon! > 180 || lat! < -90 || lat! > 90) throw this.error(feature, `position [${lon}, ${lat}] is not a longitude and latitude`);
    return [lon!, lat!];
  }

  /** A LineString's positions: at least 2. */
  line(feature: GeoFeature, value: unknown): Position[] {
    if (!Array.isArray(value) || value.length < 2) throw this.error(feature, 'a line needs at least 2 positions');
    return value.map((position) => this.position(feature, position));
  }

  /** A polygon's outer ring, without the closing repeat of the first position: at least 3 positions. */
  outerRing(feature: GeoFeature, polygon: unknown): Position[] {
    if (!Array.isArray(polygon) || !Array.isArray(polygon[0])) throw this.error(feature, 'a polygon needs an outer ring');
    const ring = (polygon[0] as unknown[]).map((position) => this.position(feature, position));
    const [first, last] = [ring[0], ring[ring.length - 1]];
    if (ring.length > 1 && first![0] === last![0] && first![1] === last![1]) ring.pop();
    if (ring.length < 3) throw this.error(feature, `a polygon ring needs at least 3 distinct positions, got ${ring.length}`);
    return ring;
  }
}
