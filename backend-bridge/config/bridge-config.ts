/**
 * The bridge's config file (JSON), its shape and its schema. Every section
 * is optional: `{}` is the offline demo. docs/configuration.md documents
 * every key with its default; assets/config/example.json shows them all.
 *
 * The schema is pure: file paths are returned as written, and
 * load-config.ts resolves them against the config file's directory.
 */
import * as v from 'valibot';
import { MAX_SEED, ROLES, parseAt, rule, timeZoneSchema } from '../protocol';
import { entityId, localized } from '../protocol/fields';
import { cockpitSettingsSchema } from '../protocol/cockpit-settings';
import { sourceConfigSchema } from '../sources/source-registry';

const path = v.pipe(v.string(), v.minLength(1), v.maxLength(4096));
const seed = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_SEED));
const lonDeg = v.pipe(v.number(), v.minValue(-180), v.maxValue(180));
const latDeg = v.pipe(v.number(), v.minValue(-85), v.maxValue(85));

const demoCity = v.strictObject({
  kind: v.literal('demo'),
  /** Seed of the generated city. @default DEFAULT_DEMO_SEED */
  seed: v.optional(seed),
});

const filesCity = v.strictObject({
  kind: v.literal('files'),
  /** The city's id, e.g. `hangzhou`: recordings and MQTT topics are keyed by it. */
  id: entityId,
  name: localized(128, { required: true }),
  /** The city box, degrees (WGS84): features outside it are reported (see docs/configuration.md). */
  box: v.pipe(
    v.strictObject({ westDeg: lonDeg, southDeg: latDeg, eastDeg: lonDeg, northDeg: latDeg }),
    rule(({ westDeg, southDeg, eastDeg, northDeg }) => {
      if (westDeg >= eastDeg) return { reason: `westDeg (${westDeg}) must be less than eastDeg (${eastDeg})` };
      if (southDeg >= northDeg) return { reason: `southDeg (${southDeg}) must be less than northDeg (${northDeg})` };
      return undefined;
    }),
  ),
  /** Origin of the local metres frame. @default the centre of `box` */
  origin: v.optional(v.strictObject({ lonDeg, latDeg })),
  /** IANA time zone of the city, e.g. `Europe/Berlin`. @default DEFAULT_CITY_TIME_ZONE (`Asia/Shanghai`) */
  timeZone: v.optional(timeZoneSchema),
  /** GeoJSON FeatureCollections; see docs/configuration.md for their properties. */
  buildings: path,
  roads: path,
  intersections: path,
  districts: path,
  /** A Cesium 3D Tiles tileset.json (photogrammetry), served beside the city data. */
  tileset: v.optional(path),
});

const bridge = v.strictObject({
  /** Interface to listen on. @default '127.0.0.1' */
  host: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(255))),
  /** TCP port, 0 for any free one. @default 8080 */
  port: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65_535))),
  /** Directory of the database (alerts, audit log, plans). @default <app root>/.citybrain-data */
  dataDir: v.optional(path),
  /** Serve https and wss with this certificate and key (PEM files). */
  tls: v.optional(v.strictObject({ certFile: path, keyFile: path })),
});

const token = v.strictObject({
  role: v.picklist(ROLES),
  /** SHA-256 of the token, 64 hex digits; the token itself never appears in the file. */
  sha256: v.pipe(v.string(), v.minLength(64), v.maxLength(64), v.regex(/^[0-9a-fA-F]{64}$/)),
});

const configSchema = v.pipe(
  v.strictObject({
    /** Which source feeds the bridge; each kind is registered in sources/source-registry.ts. @default the simulator */
    source: v.optional(sourceConfigSchema),
    city: v.optional(v.variant('kind', [demoCity, filesCity])),
    bridge: v.optional(bridge),
    /** Accepted tokens; none means demo mode, where the bridge issues fresh tokens at every start. */
    tokens: v.optional(v.pipe(v.array(token), v.maxLength(1000))),
    /** Record the source's stream to this file (a new file; an existing one is refused). */
    record: v.optional(v.strictObject({ file: path })),
    wall: v.optional(v.strictObject({ layoutFile: path })),
    /** The cockpit's targets and TV page time; see protocol/cockpit-settings.ts. @default DEFAULT_COCKPIT_SETTINGS */
    cockpit: v.optional(cockpitSettingsSchema),
  }),
  // With SUMO the city is its network: a `city` section beside it would be a second, contradicting city.
  rule(({ source, city }) =>
    source?.kind === 'sumo' && city
      ? { path: ['city'], reason: `the city is the SUMO network of ${source.config}; say what it needs in the source section, not here` }
      : undefined,
  ),
);

export type BridgeConfig = v.InferOutput<typeof configSchema>;
export type { SourceConfig } from '../sources/source-registry';
export type CityConfig = NonNullable<BridgeConfig['city']>;
export type FilesCityConfig = Extract<CityConfig, { kind: 'files' }>;
export type TokenConfig = v.InferOutput<typeof token>;

/**
 * Checks a parsed config file. Throws a ValidationError whose path starts at
 * `root`, e.g. `config.bridge.port: must be ≤ 65535, got 70000`.
 */
export const checkBridgeConfig = (value: unknown, root = 'config'): BridgeConfig => parseAt(configSchema, value, root);
