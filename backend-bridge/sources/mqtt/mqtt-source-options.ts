/**
 * Options of the MQTT source, with every default in one place, and the
 * checker a config file's `mqtt` section goes through.
 */
import { hostname } from 'node:os';
import { type Checker, ValidationError, bool, num, object, optional, str } from '../../protocol/check';

const topicLevel = /^[A-Za-z0-9_.:-]+$/;

export interface MqttTlsOptions {
  /** PEM of the CA that signed the broker's certificate (the file's contents, not its path). */
  ca?: string;
  /** PEM of this bridge's client certificate, for brokers that ask for one. */
  cert?: string;
  /** PEM of the client certificate's private key. */
  key?: string;
  /** Refuse a broker whose certificate does not verify. @default true */
  rejectUnauthorized?: boolean;
}

export interface MqttSourceOptions {
  /** The broker, `mqtt://host:port` or `mqtts://host:port`. Required. */
  url: string;
  /**
   * MQTT client id. The broker keeps the session (subscriptions and queued
   * QoS 1 messages) under it, so it must stay the same across restarts of
   * one bridge and differ between bridges. @default `citybrain-<cityId>-<hostname>`
   */
  clientId?: string;
  username?: string;
  password?: string;
  tls?: MqttTlsOptions;
  /** First level of every topic. @default 'citybrain' */
  topicRoot?: string;
  /** Second level of every topic. @default the city's `meta.id` */
  cityId?: string;
  /**
   * MQTT 5 shared-subscription group: the alert topics are subscribed as
   * `$share/<group>/…`, so of several bridges exactly one raises each field
   * alert. null subscribes every topic plainly. @default null
   */
  sharedGroup?: string | null;
  /** How long the broker keeps this bridge's session, and queues its QoS 1 messages, while it is away, seconds. @default 3600 */
  sessionExpiryS?: number;
  /** Period of link traffic publishes, ms; area figures and the clock go out every 4th. @default 250 */
  publishIntervalMs?: number;
  /** A link's last detector reading is shown this long, ms; after that the link falls back to free flow. @default 120_000 */
  holdReadingMs?: number;
  /** Connected but no message for this long makes the source `stale`, ms. @default 15_000 */
  staleAfterMs?: number;
  /** How long a signal plan apply waits for the controller's ack, ms. @default 10_000 */
  applyTimeoutMs?: number;
  /** Larger payloads are refused unread, bytes. @default 65_536 */
  maxPayloadBytes?: number;
  /** First reconnect delay after the broker went away, ms; doubles per failed attempt. @default 500 */
  reconnectInitialDelayMs?: number;
  /** Ceiling of the reconnect delay, ms. @default 30_000 */
  reconnectMaxDelayMs?: number;
  /** At most one log line per channel per this long about refused payloads, ms. @default 10_000 */
  rejectLogIntervalMs?: number;
}

export const MQTT_SOURCE_DEFAULTS = {
  topicRoot: 'citybrain',
  sharedGroup: null,
  sessionExpiryS: 3600,
  publishIntervalMs: 250,
  holdReadingMs: 120_000,
  staleAfterMs: 15_000,
  applyTimeoutMs: 10_000,
  maxPayloadBytes: 65_536,
  reconnectInitialDelayMs: 500,
  reconnectMaxDelayMs: 30_000,
  rejectLogIntervalMs: 10_000,
} as const;

/** Options with every default filled in. */
export type ResolvedMqttSourceOptions = Required<Omit<MqttSourceOptions, 'username' | 'password' | 'tls'>> &
  Pick<MqttSourceOptions, 'username' | 'password' | 'tls'> & { sharedGroup: string | null };

/** Checks the options (see `checkMqttSourceOptions`) and fills in the defaults. */
export function resolveMqttSourceOptions(options: MqttSourceOptions, cityId: string): ResolvedMqttSourceOptions {
  const checked = checkMqttSourceOptions(options, 'mqtt');
  const defaultClientId = `citybrain-${cityId}-${hostname().replace(/[^A-Za-z0-9_.:-]/g, '_')}`.slice(0, 128);
  return { ...MQTT_SOURCE_DEFAULTS, cityId, clientId: defaultClientId, ...withoutUndefined(checked), url: checked.url };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const ms = (min: number, max: number) => num({ integer: true, min, max });
const pem = str({ minLength: 1, maxLength: 65_536 });
const nullable =
  <T>(checker: Checker<T>): Checker<T | null> =>
  (value, path) =>
    value === null ? null : checker(value, path);

const optionsChecker = object({
  url: str({ minLength: 1, maxLength: 2048, pattern: /^mqtts?:\/\/[^\s/]+(:\d+)?\/?$/ }),
  clientId: optional(str({ minLength: 1, maxLength: 128, pattern: /^[A-Za-z0-9_.:-]+$/ })),
  username: optional(str({ minLength: 1, maxLength: 256 })),
  password: optional(str({ maxLength: 1024 })),
  tls: optional(object({ ca: optional(pem), cert: optional(pem), key: optional(pem), rejectUnauthorized: optional(bool) })),
  topicRoot: optional(str({ minLength: 1, maxLength: 64, pattern: topicLevel })),
  cityId: optional(str({ minLength: 1, maxLength: 64, pattern: topicLevel })),
  sharedGroup: optional(nullable(str({ minLength: 1, maxLength: 64, pattern: topicLevel }))),
  sessionExpiryS: optional(num({ integer: true, min: 0, max: 0xffff_ffff })),
  publishIntervalMs: optional(ms(50, 10_000)),
  holdReadingMs: optional(ms(1000, 86_400_000)),
  staleAfterMs: optional(ms(1000, 86_400_000)),
  applyTimeoutMs: optional(ms(100, 600_000)),
  maxPayloadBytes: optional(ms(256, 16 * 1024 * 1024)),
  reconnectInitialDelayMs: optional(ms(10, 600_000)),
  reconnectMaxDelayMs: optional(ms(10, 3_600_000)),
  rejectLogIntervalMs: optional(ms(0, 86_400_000)),
});

/**
 * Checks MQTT options read from a config file; throws a ValidationError
 * naming the field, e.g. `config.source.mqtt.url: does not match …`.
 */
export function checkMqttSourceOptions(value: unknown, path = 'mqtt'): MqttSourceOptions {
  const options = optionsChecker(value, path);
  const initial = options.reconnectInitialDelayMs ?? MQTT_SOURCE_DEFAULTS.reconnectInitialDelayMs;
  const max = options.reconnectMaxDelayMs ?? MQTT_SOURCE_DEFAULTS.reconnectMaxDelayMs;
  if (max < initial) throw new ValidationError(`${path}.reconnectMaxDelayMs`, `must be ≥ reconnectInitialDelayMs (${initial}), got ${max}`);
  if ((options.tls?.cert === undefined) !== (options.tls?.key === undefined)) {
    throw new ValidationError(`${path}.tls`, 'cert and key go together: give both or neither');
  }
  return options;
}
