/**
 * The bridge's config file (JSON), its shape and its checker. Every section
 * is optional: `{}` is the offline demo. docs/configuration.md documents
 * every key with its default; assets/config/example.json shows them all.
 *
 * The checker is pure: file paths are returned as written, and
 * load-config.ts resolves them against the config file's directory.
 */
import { type MqttSourceOptions, checkMqttSourceOptions } from '../sources/mqtt';
import {
  type Checker,
  MAX_SEED,
  ROLES,
  SIM_SPEED_FACTOR_RANGE,
  ValidationError,
  arrayOf,
  bool,
  describe,
  literal,
  num,
  object,
  oneOf,
  optional,
  str,
  timeZoneChecker,
} from '../protocol';

const path = str({ minLength: 1, maxLength: 4096 });
const seed = num({ integer: true, min: 0, max: MAX_SEED });
const cityId = str({ minLength: 1, maxLength: 64, pattern: /^[A-Za-z0-9_.:-]+$/ });
const name = object({ zh: str({ minLength: 1, maxLength: 128 }), en: str({ minLength: 1, maxLength: 128 }) });
const lonDeg = num({ min: -180, max: 180 });
const latDeg = num({ min: -85, max: 85 });

/**
 * A field that names its variant in `kind`, each variant with its own
 * fields: the error for a bad kind lists the kinds there are.
 */
function byKind<V extends Record<string, Checker<{ kind: string }>>>(variants: V): Checker<ReturnType<V[keyof V]>> {
  return (value, at) => {
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ValidationError(at, `expected an object, got ${describe(value)}`);
    }
    if (typeof kind !== 'string' || !Object.hasOwn(variants, kind)) {
      throw new ValidationError(`${at}.kind`, `expected one of ${Object.keys(variants).join(', ')}, got ${describe(kind)}`);
    }
    return variants[kind]!(value, at) as ReturnType<V[keyof V]>;
  };
}

const simulatorSource = object({
  kind: literal('simulator'),
  /** Seed of the traffic simulation's random choices. @default the demo city's seed */
  seed: optional(seed),
});

const mqttTlsFiles = object({
  /** PEM file of the CA that signed the broker's certificate. */
  caFile: optional(path),
  /** PEM files of this bridge's client certificate and key, for brokers that ask for one. */
  certFile: optional(path),
  keyFile: optional(path),
});

const mqttSource = object({
  kind: literal('mqtt'),
  /** The MQTT source's options (backend-bridge/sources/mqtt), checked by its own checker. */
  mqtt: (value: unknown, at: string): MqttSourceOptions => checkMqttSourceOptions(value, at),
  /** Certificates as files, read at start and handed to the source as `mqtt.tls`. */
  tlsFiles: optional(mqttTlsFiles),
});

const replaySource = object({
  kind: literal('replay'),
  /** A recording made with `record` or `--record`. */
  file: path,
  /** Sim seconds replayed per wall second. @default 1 */
  speedFactor: optional(num(SIM_SPEED_FACTOR_RANGE)),
  /** Start paused, waiting for an operator to press play. @default false */
  paused: optional(bool),
});

const demoCity = object({
  kind: literal('demo'),
  /** Seed of the generated city. @default DEFAULT_DEMO_SEED */
  seed: optional(seed),
});

const filesCity = object({
  kind: literal('files'),
  /** The city's id, e.g. `hangzhou`: recordings and MQTT topics are keyed by it. */
  id: cityId,
  name,
  /** The city box, degrees (WGS84): features outside it are reported (see docs/configuration.md). */
  box: object({ westDeg: lonDeg, southDeg: latDeg, eastDeg: lonDeg, northDeg: latDeg }),
  /** Origin of the local metres frame. @default the centre of `box` */
  origin: optional(object({ lonDeg, latDeg })),
  /** IANA time zone of the city, e.g. `Europe/Berlin`. @default DEFAULT_CITY_TIME_ZONE (`Asia/Shanghai`) */
  timeZone: optional(timeZoneChecker),
  /** GeoJSON FeatureCollections; see docs/configuration.md for their properties. */
  buildings: path,
  roads: path,
  intersections: path,
  districts: path,
  /** A Cesium 3D Tiles tileset.json (photogrammetry), served beside the city data. */
  tileset: optional(path),
});

const bridge = object({
  /** Interface to listen on. @default '127.0.0.1' */
  host: optional(str({ minLength: 1, maxLength: 255 })),
  /** TCP port, 0 for any free one. @default 8080 */
  port: optional(num({ integer: true, min: 0, max: 65_535 })),
  /** Directory of the database (alerts, audit log, plans). @default <app root>/.citybrain-data */
  dataDir: optional(path),
  /** Serve https and wss with this certificate and key (PEM files). */
  tls: optional(object({ certFile: path, keyFile: path })),
});

const token = object({
  role: oneOf(ROLES),
  /** SHA-256 of the token, 64 hex digits; the token itself never appears in the file. */
  sha256: str({ minLength: 64, maxLength: 64, pattern: /^[0-9a-fA-F]{64}$/ }),
});

const configChecker = object({
  source: optional(byKind({ simulator: simulatorSource, mqtt: mqttSource, replay: replaySource })),
  city: optional(byKind({ demo: demoCity, files: filesCity })),
  bridge: optional(bridge),
  /** Accepted tokens; none means demo mode, where the bridge issues fresh tokens at every start. */
  tokens: optional(arrayOf(token, { maxLength: 1000 })),
  /** Record the source's stream to this file (a new file; an existing one is refused). */
  record: optional(object({ file: path })),
  wall: optional(object({ layoutFile: path })),
});

export type BridgeConfig = ReturnType<typeof configChecker>;
export type SourceConfig = NonNullable<BridgeConfig['source']>;
export type CityConfig = NonNullable<BridgeConfig['city']>;
export type FilesCityConfig = Extract<CityConfig, { kind: 'files' }>;
export type TokenConfig = ReturnType<typeof token>;

/**
 * Checks a parsed config file. Throws a ValidationError whose path starts at
 * `root`, e.g. `config.bridge.port: must be ≤ 65535, got 70000`.
 */
export function checkBridgeConfig(value: unknown, root = 'config'): BridgeConfig {
  const config = configChecker(value, root);
  const city = config.city;
  if (city?.kind === 'files') {
    const { westDeg, southDeg, eastDeg, northDeg } = city.box;
    if (westDeg >= eastDeg) throw new ValidationError(`${root}.city.box`, `westDeg (${westDeg}) must be less than eastDeg (${eastDeg})`);
    if (southDeg >= northDeg) throw new ValidationError(`${root}.city.box`, `southDeg (${southDeg}) must be less than northDeg (${northDeg})`);
  }
  const tlsFiles = config.source?.kind === 'mqtt' ? config.source.tlsFiles : undefined;
  if (tlsFiles && config.source?.kind === 'mqtt' && config.source.mqtt.tls) {
    throw new ValidationError(`${root}.source.tlsFiles`, 'give the certificates either as files here or as PEM in mqtt.tls, not both');
  }
  if (tlsFiles && (tlsFiles.certFile === undefined) !== (tlsFiles.keyFile === undefined)) {
    throw new ValidationError(`${root}.source.tlsFiles`, 'certFile and keyFile go together: give both or neither');
  }
  return config;
}
