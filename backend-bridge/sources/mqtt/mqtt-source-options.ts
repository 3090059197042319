/**
 * Options of the MQTT source, with every default in one place, and the
 * schema a config file's `mqtt` section goes through.
 */
import { hostname } from 'node:os';
import * as v from 'valibot';
import { rule } from '../../protocol/validation';

const topicLevel = /^[A-Za-z0-9_.:-]+$/;
const ms = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const pem = v.pipe(v.string(), v.minLength(1), v.maxLength(65_536));
const topicName = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(topicLevel));

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

const tlsSchema = v.pipe(
  v.strictObject({
    /** PEM of the CA that signed the broker's certificate (the file's contents, not its path). */
    ca: v.optional(pem),
    /** PEM of this bridge's client certificate, for brokers that ask for one. */
    cert: v.optional(pem),
    /** PEM of the client certificate's private key. */
    key: v.optional(pem),
    /** Refuse a broker whose certificate does not verify. @default true */
    rejectUnauthorized: v.optional(v.boolean()),
  }),
  rule((tls) => ((tls.cert === undefined) !== (tls.key === undefined) ? { reason: 'cert and key go together: give both or neither' } : undefined)),
);

/** The options a config file's `mqtt` section holds; errors name the field, e.g. `config.source.mqtt.url: does not match …`. */
export const mqttSourceOptionsSchema = v.pipe(
  v.strictObject({
    /** The broker, `mqtt://host:port` or `mqtts://host:port`. Required. */
    url: v.pipe(v.string(), v.minLength(1), v.maxLength(2048), v.regex(/^mqtts?:\/\/[^\s/]+(:\d+)?\/?$/)),
    /**
     * MQTT client id. The broker keeps the session (subscriptions and queued
     * QoS 1 messages) under it, so it must stay the same across restarts of
     * one bridge and differ between bridges. @default `citybrain-<cityId>-<hostname>`
     */
    clientId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[A-Za-z0-9_.:-]+$/))),
    username: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(256))),
    password: v.optional(v.pipe(v.string(), v.maxLength(1024))),
    tls: v.optional(tlsSchema),
    /** First level of every topic. @default 'citybrain' */
    topicRoot: v.optional(topicName),
    /** Second level of every topic. @default the city's `meta.id` */
    cityId: v.optional(topicName),
    /**
     * MQTT 5 shared-subscription group: the alert topics are subscribed as
     * `$share/<group>/…`, so of several bridges exactly one raises each field
     * alert. null subscribes every topic plainly. @default null
     */
    sharedGroup: v.optional(v.nullable(topicName)),
    /** How long the broker keeps this bridge's session, and queues its QoS 1 messages, while it is away, seconds. @default 3600 */
    sessionExpiryS: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffff_ffff))),
    /** Period of link traffic publishes, ms; area figures and the clock go out every 4th. @default 250 */
    publishIntervalMs: v.optional(ms(50, 10_000)),
    /** A link's last detector reading is shown this long, ms; after that the link falls back to free flow. @default 120_000 */
    holdReadingMs: v.optional(ms(1000, 86_400_000)),
    /** Connected but no message for this long makes the source `stale`, ms. @default 15_000 */
    staleAfterMs: v.optional(ms(1000, 86_400_000)),
    /** How long a signal plan apply waits for the controller's ack, ms. @default 10_000 */
    applyTimeoutMs: v.optional(ms(100, 600_000)),
    /** Larger payloads are refused unread, bytes. @default 65_536 */
    maxPayloadBytes: v.optional(ms(256, 16 * 1024 * 1024)),
    /** First reconnect delay after the broker went away, ms; doubles per failed attempt. @default 500 */
    reconnectInitialDelayMs: v.optional(ms(10, 600_000)),
    /** Ceiling of the reconnect delay, ms. @default 30_000 */
    reconnectMaxDelayMs: v.optional(ms(10, 3_600_000)),
    /** At most one log line per channel per this long about refused payloads, ms. @default 10_000 */
    rejectLogIntervalMs: v.optional(ms(0, 86_400_000)),
  }),
  rule((options) => {
    const initial = options.reconnectInitialDelayMs ?? MQTT_SOURCE_DEFAULTS.reconnectInitialDelayMs;
    const max = options.reconnectMaxDelayMs ?? MQTT_SOURCE_DEFAULTS.reconnectMaxDelayMs;
    return max < initial ? { path: ['reconnectMaxDelayMs'], reason: `must be ≥ reconnectInitialDelayMs (${initial}), got ${max}` } : undefined;
  }),
);

export type MqttSourceOptions = v.InferOutput<typeof mqttSourceOptionsSchema>;
export type MqttTlsOptions = NonNullable<MqttSourceOptions['tls']>;

/** Options with every default filled in. */
export type ResolvedMqttSourceOptions = Required<Omit<MqttSourceOptions, 'username' | 'password' | 'tls'>> &
  Pick<MqttSourceOptions, 'username' | 'password' | 'tls'> & { sharedGroup: string | null };

/** Fills in the defaults of options checked where they entered (the config file, through `mqttSourceOptionsSchema`). */
export function resolveMqttSourceOptions(options: MqttSourceOptions, cityId: string): ResolvedMqttSourceOptions {
  const defaultClientId = `citybrain-${cityId}-${hostname().replace(/[^A-Za-z0-9_.:-]/g, '_')}`.slice(0, 128);
  return { ...MQTT_SOURCE_DEFAULTS, cityId, clientId: defaultClientId, ...withoutUndefined(options), url: options.url };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
