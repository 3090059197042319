/**
 * The demo source: the traffic simulation of the city, driven from wall time,
 * reported as normalised live events.
 */
import type { CityModel } from '../../city/city-model';
import type { LiveSink, LiveSource, SourceClock } from '../live-source';
import { SourceRequestError } from '../live-source';
import { DeviceHealth } from './device-health';
import { SimSignalAccess } from './sim-signal-access';
import { SimulatorRunner, type SimulatorRunnerOptions } from './simulator-runner';
import { TrafficSim, type TrafficSimOptions } from './traffic-sim';

export interface SimulatorSourceOptions {
  sim: TrafficSimOptions;
  runner?: SimulatorRunnerOptions;
  /** Area figures are reported every this many link-traffic publishes. @default 4 (once a second at 4 Hz) */
  areaEveryPublishes?: number;
}

export class SimulatorSource implements LiveSource {
  readonly name = 'simulator';
  readonly sim: TrafficSim;
  readonly signals: SimSignalAccess;
  private readonly runner: SimulatorRunner;
  private readonly areaEvery: number;
  private readonly linkIndex: Map<string, number>;
  private readonly deviceHealth: DeviceHealth;
  private sink: LiveSink | null = null;
  private publishes = 0;
  private incidentKey = '';

  constructor(city: CityModel, options: SimulatorSourceOptions) {
    this.sim = new TrafficSim(city, options.sim);
    this.signals = new SimSignalAccess(this.sim);
    this.runner = new SimulatorRunner(this.sim, (simTimeMs) => this.publish(simTimeMs), options.runner);
    this.areaEvery = options.areaEveryPublishes ?? 4;
    this.linkIndex = new Map(city.meta.links.map((link, index) => [link.id, index]));
    this.deviceHealth = new DeviceHealth(city.meta, { seed: options.sim.seed, startSimTimeMs: this.sim.simTimeMs });
  }

  start(sink: LiveSink): void {
    this.sink = sink;
    this.reportClock();
    this.reportIncidents(true);
    sink.devices(this.deviceHealth.all(this.sim.simTimeMs, Date.now(), null));
    this.runner.start();
  }

  stop(): void {
    this.runner.stop();
    this.sink = null;
  }

  setClock(change: { speedFactor?: number; paused?: boolean }): void {
    try {
      if (change.speedFactor !== undefined) this.runner.setSpeedFactor(change.speedFactor);
    } catch (error) {
      throw new SourceRequestError('rejected', (error as Error).message);
    }
    if (change.paused === true) this.runner.pause();
    if (change.paused === false) this.runner.resume();
    this.reportClock();
  }

  createIncident(spec: { linkId: string; capacityFactor: number; durationS: number }): void {
    const linkIndex = this.linkIndex.get(spec.linkId);
    if (linkIndex === undefined) throw new SourceRequestError('not-found', `unknown link id ${JSON.stringify(spec.linkId)}`);
    try {
      this.sim.addIncident({ linkIndex, capacityFactor: spec.capacityFactor, durationS: spec.durationS });
    } catch (error) {
      throw new SourceRequestError('rejected', (error as Error).message);
    }
    this.reportIncidents(false);
  }

  private publish(simTimeMs: number): void {
    const sink = this.sink;
    if (!sink) return;
    const links = this.sim.linkMetrics();
    sink.linkTraffic({ simTimeMs, ...links });
    if (this.publishes++ % this.areaEvery === 0) {
      const { city, districts } = this.sim.areaMetrics();
      sink.areaTraffic({ simTimeMs, city, districts });
      const devices = this.deviceHealth.changes(simTimeMs, Date.now(), links);
      if (devices.length > 0) sink.devices(devices);
      this.reportClock();
    }
    this.reportIncidents(false);
  }

  private reportClock(): void {
    const status = this.runner.status();
    const clock: SourceClock = {
      simTimeMs: status.simTimeMs,
      speedFactor: status.speedFactor,
      achievedSpeedFactor: status.achievedSpeedFactor,
      paused: status.paused,
    };
    this.sink?.clock(clock);
  }

  /** Reports the incident list when it changed (random incidents start and end inside the sim). */
  private reportIncidents(always: boolean): void {
    const incidents = this.sim.incidents();
    const key = incidents.map((incident) => incident.id).join(',');
    if (!always && key === this.incidentKey) return;
    this.incidentKey = key;
    this.sink?.incidents(
      incidents.map(({ id, linkId, capacityFactor, startSimTimeMs, endSimTimeMs }) => ({
        id,
        linkId,
        capacityFactor,
        startSimTimeMs,
        endSimTimeMs,
      })),
    );
  }
}
