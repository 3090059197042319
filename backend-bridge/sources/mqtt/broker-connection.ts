/**
 * The bridge's one connection to the MQTT broker: MQTT 5, a persistent
 * session (clean start off, a session expiry) and QoS 1 subscriptions, so the
 * broker queues what arrives while the bridge is away and delivers it after
 * the reconnect; nothing acknowledged by the broker is lost.
 *
 * Reconnects use capped exponential backoff with full jitter, the same rule
 * as the renderer's (common/retry/backoff.ts). mqtt.js's own
 * `reconnectPeriod` retries on a fixed interval (a city's worth of bridges
 * hammering a broker that is coming back up), so it is off and this class
 * schedules `reconnect()` itself.
 */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { type RandomSource, backoffDelayMs } from '../../../common/retry/backoff';
import type { Logger } from '../../core/log';
import type { ResolvedMqttSourceOptions } from './mqtt-source-options';
import type { Subscription } from './topics';

export interface BrokerConnectionEvents {
  message(topic: string, payload: Buffer): void;
  /** Connected or lost; `connected` says which. */
  connectionChanged(connected: boolean): void;
}

export class BrokerConnection {
  private client: MqttClient | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Connection attempts failed since the last success: the exponent of the backoff. */
  private failures = 0;
  private everConnected = false;
  private reconnectCount = 0;
  private up = false;

  constructor(
    private readonly options: ResolvedMqttSourceOptions,
    private readonly subscriptions: readonly Subscription[],
    private readonly events: BrokerConnectionEvents,
    private readonly log: Logger,
    /** The backoff's jitter source, uniform in [0, 1). */
    private readonly random: RandomSource = Math.random,
  ) {}

  /** Connected and subscribed: the broker delivers, and queues while we are away. */
  get connected(): boolean {
    return this.up;
  }

  /** Successful reconnections since start (the first connection not counted). */
  get reconnects(): number {
    return this.reconnectCount;
  }

  open(): void {
    const o = this.options;
    const clientOptions: IClientOptions = {
      protocolVersion: 5,
      clientId: o.clientId,
      clean: false,
      properties: { sessionExpiryInterval: o.sessionExpiryS },
      reconnectPeriod: 0,
      connectTimeout: 10_000,
      resubscribe: false,
      ...(o.username !== undefined && { username: o.username }),
      ...(o.password !== undefined && { password: o.password }),
      ...(o.tls && {
        ...(o.tls.ca !== undefined && { ca: o.tls.ca }),
        ...(o.tls.cert !== undefined && { cert: o.tls.cert }),
        ...(o.tls.key !== undefined && { key: o.tls.key }),
        rejectUnauthorized: o.tls.rejectUnauthorized ?? true,
      }),
    };
    const client = mqtt.connect(o.url, clientOptions);
    this.client = client;
    client.on('connect', () => this.onConnect(client));
    // A client replaced by close() and open() may still report its own close; only the current one counts.
    client.on('close', () => this.client === client && this.onClose());
    client.on('error', (error) => this.log.warn(`${o.url}: ${error.message}`));
    client.on('message', (topic, payload) => this.events.message(topic, payload));
  }

  /** Publishes at QoS 1; resolves once the broker acknowledged it. */
  async publish(topic: string, payload: string): Promise<void> {
    if (!this.client || !this.up) throw new Error('not connected to the broker');
    await this.client.publishAsync(topic, payload, { qos: 1 });
  }

  /** Disconnects; the broker keeps the session (and queues for it) for `sessionExpiryS`. */
  async close(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.client = null;
    this.setUp(false);
    if (client) await client.endAsync(!client.connected);
  }

  private onConnect(client: MqttClient): void {
    this.failures = 0;
    // Subscribing again on every connect is harmless with a session present and
    // restores the subscriptions when the broker lost the session (a restart without persistence).
    // The source counts as up only once they are granted: before that, the broker would not queue for it.
    const map = Object.fromEntries(this.subscriptions.map((s) => [s.filter, { qos: 1 as const }]));
    client.subscribe(map, (error, granted) => {
      if (error) return this.log.warn(`subscribing failed: ${error.message}`);
      const refused = (granted ?? []).filter((grant) => grant.qos > 2);
      for (const grant of refused) this.log.error(`the broker refused the subscription ${grant.topic} (reason ${grant.qos})`);
      if (this.client !== client) return;
      if (this.everConnected) this.reconnectCount++;
      this.everConnected = true;
      this.setUp(true);
    });
  }

  private onClose(): void {
    this.setUp(false);
    if (this.retryTimer) return;
    this.failures++;
    const delayMs = backoffDelayMs(this.failures, this.random, {
      baseMs: this.options.reconnectInitialDelayMs,
      factor: 2,
      maxMs: this.options.reconnectMaxDelayMs,
    });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.client?.reconnect();
    }, delayMs);
  }

  private setUp(up: boolean): void {
    if (up === this.up) return;
    this.up = up;
    this.log.info(`${up ? 'subscribed at' : 'lost'} ${this.options.url}`);
    this.events.connectionChanged(up);
  }
}
