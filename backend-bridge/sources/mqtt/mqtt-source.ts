/**
 * The field source: detector readings, signal controllers, devices and
 * alerts from an MQTT broker (topic layout in README.md), reported as the
 * same normalised events as the simulator.
 *
 * Messages are only checked and kept as they arrive; link traffic goes out
 * at a fixed rate (`publishIntervalMs`), area figures, the clock and device
 * changes about once a second. So a flood of messages costs a check each and
 * never more frames. A bad message is refused and counted under its topic
 * filter (health → rejected); it never reaches the bridge's state.
 */
import type { CityModel } from '../../city/city-model';
import { signalPlanSchema } from '../../protocol/signals';
import { ValidationError, parseAt } from '../../protocol/validation';
import { CapError } from '../../alerts/cap/cap-xml';
import { type Logger, createLogger } from '../../core/log';
import { FieldAlertDrafts } from '../../alerts/field-alert-drafts';
import { type DeviceUpdate, type LiveSink, type LiveSource, type SourceHealth, SourceRequestError } from '../live-source';
import { type SimNetwork, compileNetwork } from '../simulator/network';
import { BrokerConnection } from './broker-connection';
import { ControllerSignals } from './controller-signals';
import { LinkReadings } from './link-readings';
import { type MqttSourceOptions, type ResolvedMqttSourceOptions, resolveMqttSourceOptions } from './mqtt-source-options';
import { deviceStatusSchema, detectorReadingSchema, payloadJson, payloadText, signalAckSchema, signalStateReportSchema } from './payloads';
import { Rejections } from './rejections';
import { type RoutedTopic, TopicLayout } from './topics';

/** Health goes out at least this often even when nothing changed, ms. */
const HEALTH_REPEAT_MS = 5000;
/** Area figures, the clock and device changes go out about this often, ms. */
const AREA_INTERVAL_MS = 1000;

export class MqttSource implements LiveSource {
  readonly name = 'mqtt';
  readonly signals: ControllerSignals;
  private readonly options: ResolvedMqttSourceOptions;
  private readonly layout: TopicLayout;
  private readonly net: SimNetwork;
  private readonly readings: LinkReadings;
  private readonly rejections: Rejections;
  private readonly fieldAlerts: FieldAlertDrafts;
  private readonly deviceIds: ReadonlySet<string>;
  private readonly connection: BrokerConnection;
  private readonly areaEveryPublishes: number;
  private readonly log: Logger;
  private sink: LiveSink | null = null;
  private timer: NodeJS.Timeout | null = null;
  private publishes = 0;
  private changedDevices = new Map<string, DeviceUpdate>();
  private lastMessageAtMs: number | null = null;
  private lastHealth = { key: '', atMs: 0 };

  /** Takes options checked where they entered (the config file); connects only on `start`. */
  constructor(city: CityModel, options: MqttSourceOptions, log: Logger = createLogger('mqtt')) {
    this.log = log;
    this.options = resolveMqttSourceOptions(options, city.meta.id);
    this.layout = new TopicLayout(this.options.topicRoot, this.options.cityId);
    // Seed 0: only the geometry is used (movements, lengths, free speeds), not the simulator's random demand.
    this.net = compileNetwork(city.meta, { seed: 0 });
    this.readings = new LinkReadings(this.net.links, this.net.districtIds, this.options.holdReadingMs);
    this.rejections = new Rejections(log, this.options.rejectLogIntervalMs);
    this.fieldAlerts = new FieldAlertDrafts(city.meta);
    this.deviceIds = new Set(city.meta.devices.map((d) => d.id));
    this.areaEveryPublishes = Math.max(1, Math.round(AREA_INTERVAL_MS / this.options.publishIntervalMs));
    this.connection = new BrokerConnection(
      this.options,
      this.layout.subscriptions(this.options.sharedGroup),
      { message: (topic, payload) => this.onMessage(topic, payload), connectionChanged: () => this.reportHealth(true) },
      log,
    );
    this.signals = new ControllerSignals({
      net: this.net,
      readings: this.readings,
      publishCommand: (nodeId, command) => this.connection.publish(this.layout.commandTopic(nodeId), JSON.stringify(command)),
      connected: () => this.connection.connected,
      applyTimeoutMs: this.options.applyTimeoutMs,
    });
  }

  start(sink: LiveSink): void {
    if (this.sink) throw new Error('the MQTT source is running already');
    this.sink = sink;
    sink.incidents([]);
    this.reportClock();
    this.reportHealth(true);
    this.connection.open();
    this.timer = setInterval(() => this.tick(), this.options.publishIntervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.signals.stop();
    this.connection.close().catch((error: unknown) => this.log.warn(`closing the connection failed: ${String(error)}`));
    this.sink = null;
  }

  setClock(): void {
    throw new SourceRequestError('rejected', 'the MQTT source follows wall time: its clock cannot be paused or sped up');
  }

  createIncident(): void {
    throw new SourceRequestError('rejected', 'the MQTT source reports the field as it is: incidents cannot be staged on it');
  }

  /** The upstream's health now. */
  health(): SourceHealth {
    const nowMs = Date.now();
    const quiet = this.lastMessageAtMs === null || nowMs - this.lastMessageAtMs > this.options.staleAfterMs;
    return {
      state: !this.connection.connected ? 'down' : quiet ? 'stale' : 'live',
      lastMessageAtMs: this.lastMessageAtMs,
      reconnects: this.connection.reconnects,
      rejected: this.rejections.list(),
    };
  }

  private onMessage(topic: string, payload: Buffer): void {
    this.lastMessageAtMs = Date.now();
    const route = this.layout.route(topic);
    // Only subscribed filters deliver, so this is a broker or layout bug rather than a publisher's.
    if (!route) return this.rejections.add(`${this.options.topicRoot}/${this.options.cityId}/#`, `${topic}: outside the topic layout`);
    if (payload.byteLength > this.options.maxPayloadBytes) {
      return this.rejections.add(route.channel, `${topic}: ${payload.byteLength} bytes is over the limit of ${this.options.maxPayloadBytes}`);
    }
    try {
      this.handle(topic, route, payload);
    } catch (error) {
      if (error instanceof ValidationError || error instanceof CapError || error instanceof RangeError) {
        return this.rejections.add(route.channel, `${topic}: ${error.message}`);
      }
      this.log.error(`handling ${topic} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.rejections.add(route.channel, `${topic}: the bridge failed on it (see its log)`);
    }
  }

  private handle(topic: string, { kind, id, channel }: RoutedTopic, payload: Buffer): void {
    switch (kind) {
      case 'detector': {
        const link = this.net.linkIndex.get(id);
        if (link === undefined) throw new ValidationError(topic, `no link ${JSON.stringify(id)} in the city`);
        this.readings.record(link, parseAt(detectorReadingSchema, payloadJson(payload, topic), topic));
        return;
      }
      case 'signal-state':
        return this.signals.onState(id, parseAt(signalStateReportSchema, payloadJson(payload, topic), topic));
      case 'signal-plan':
        return this.signals.onPlan(id, parseAt(signalPlanSchema, payloadJson(payload, topic), topic));
      case 'signal-ack':
        this.signals.onAck(id, parseAt(signalAckSchema, payloadJson(payload, topic), topic));
        return;
      case 'device-status': {
        if (!this.deviceIds.has(id)) throw new ValidationError(topic, `no device ${JSON.stringify(id)} in the city`);
        const report = parseAt(deviceStatusSchema, payloadJson(payload, topic), topic);
        this.changedDevices.set(id, {
          deviceId: id,
          status: report.status,
          lastSeenAtMs: report.ts,
          ...(report.reading && { reading: { ...report.reading, simTimeMs: report.ts } }),
        });
        return;
      }
      case 'alert-json':
      case 'alert-cap': {
        const alert =
          kind === 'alert-cap' ? { format: 'cap' as const, xml: payloadText(payload, topic), channel } : { format: 'json' as const, draft: payloadJson(payload, topic), channel };
        this.fieldAlerts.draft(alert, Date.now());
        this.sink?.alert(alert);
        return;
      }
    }
  }

  private tick(): void {
    const sink = this.sink;
    if (!sink) return;
    const nowMs = Date.now();
    sink.linkTraffic(this.readings.linkTraffic(nowMs));
    if (this.publishes++ % this.areaEveryPublishes === 0) {
      const { city, districts } = this.readings.areaMetrics(nowMs);
      sink.areaTraffic({ simTimeMs: nowMs, city, districts });
      this.reportClock();
      if (this.changedDevices.size > 0) {
        sink.devices([...this.changedDevices.values()]);
        this.changedDevices = new Map();
      }
    }
    this.reportHealth(false);
  }

  private reportClock(): void {
    this.sink?.clock({ simTimeMs: Date.now(), speedFactor: 1, achievedSpeedFactor: 1, paused: false });
  }

  /** Reports health when its state or refusals changed, when forced, and every few seconds. */
  private reportHealth(force: boolean): void {
    if (!this.sink?.health) return;
    const health = this.health();
    const key = `${health.state}/${health.reconnects}/${this.rejections.revision}`;
    const nowMs = Date.now();
    if (!force && key === this.lastHealth.key && nowMs - this.lastHealth.atMs < HEALTH_REPEAT_MS) return;
    this.lastHealth = { key, atMs: nowMs };
    this.sink.health(health);
  }
}
