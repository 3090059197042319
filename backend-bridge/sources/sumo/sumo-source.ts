/**
 * SUMO as a live source: the bridge starts `sumo` on the scenario, steps it
 * over TraCI as the sim clock says (1–60×, pause) and reports every link's
 * traffic as the simulator does.
 *
 * Sim time is SUMO's time mapped onto the epoch: `startSimTimeMs` is SUMO's
 * `begin`. When SUMO dies, health says `down`, the source starts it again
 * after a back-off (bounded: `maxAttempts` failures in a row and it gives up,
 * the bridge staying up) and the run goes on from SUMO's `begin` with empty
 * roads — while the bridge's clock carries on from where it stood, so sim
 * time never runs backwards for the history, alerts or audit. At the
 * scenario's `end` SUMO is started again the same way (a loop, not a fault).
 */
import { performance } from 'node:perf_hooks';
import { type BackoffOptions, backoffDelayMs } from '../../../common/retry/backoff';
import type { Logger } from '../../core/log';
import { type LiveSink, type LiveSource, type SourceHealth, SourceRequestError } from '../live-source';
import { SimClock } from '../simulator/sim-clock';
import { type SumoProcess, type SumoProcessOptions, startSumo } from './sumo-process';
import type { SumoScenario } from './sumo-scenario';
import { SumoIncidents } from './sumo-incidents';
import { SumoLinkWindow } from './sumo-link-window';
import type { SumoSignalDriver, SumoSignalDriverFactory } from './sumo-signal-driver';

export interface SumoRestartOptions {
  /** Failed starts or runs in a row after which the source gives up. @default 5 */
  maxAttempts?: number;
  /** Delay before each new attempt. @default base 1 s, doubling, at most 30 s */
  backoff?: BackoffOptions;
  /** A run this long (wall ms) counts as a success, so the next failure is the first again. @default 60_000 */
  stableRunMs?: number;
}

export interface SumoSourceOptions {
  scenario: SumoScenario;
  log: Logger;
  /** Sim time at SUMO's `begin`, ms since the epoch. */
  startSimTimeMs: number;
  /** Sim seconds per wall second, 1–60. @default 1 */
  speedFactor?: number;
  /** Start paused. @default false */
  paused?: boolean;
  /** Builds what runs the network's traffic lights; without it the source has no `signals`. */
  signalDriver?: SumoSignalDriverFactory;
  restart?: SumoRestartOptions;
  /** How SUMO is started (binary, extra flags, timeouts). */
  sumo?: Omit<SumoProcessOptions, 'configFile'>;
  /** Link traffic publishes per wall second; area figures and the clock go with every fourth. @default 4 */
  publishHz?: number;
}

const TICK_MS = 50;
/** Most wall time one tick spends stepping SUMO before it publishes. */
const TICK_BUDGET_MS = 200;
const AREA_EVERY_PUBLISHES = 4;
const HEALTH_EVERY_MS = 5000;
const RESTART_BACKOFF: BackoffOptions = { baseMs: 1000, factor: 2, maxMs: 30_000 };
/** How long a lost connection waits for SUMO's exit, which says why it went. */
const EXIT_GRACE_MS = 2000;

/** How one run of SUMO ended. */
type RunEnd = { kind: 'stopped' } | { kind: 'end' } | { kind: 'failed'; reason: string };

export class SumoSource implements LiveSource {
  readonly name = 'sumo';
  readonly signals?: SumoSignalDriver;
  private readonly scenario: SumoScenario;
  private readonly log: Logger;
  private readonly clock: SimClock;
  private readonly window: SumoLinkWindow;
  private readonly incidents: SumoIncidents;
  private readonly edgeIdOfLink: string[];
  private readonly stepMs: number;
  private readonly publishIntervalMs: number;
  private readonly restart: Required<SumoRestartOptions>;
  private sink: LiveSink | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private sumo: SumoProcess | null = null;
  private healthTimer: ReturnType<typeof setInterval> | undefined;
  private simTimeMs: number;
  private health: SourceHealth = { state: 'down', lastMessageAtMs: null, reconnects: 0, rejected: [] };
  private publishes = 0;
  private lastPublish: { wallMs: number; clockSimMs: number } | undefined;
  private achieved = 0;
  /** Wakes a sleeping tick early: SUMO exited, or the source stops. */
  private wake: () => void = () => {};

  constructor(private readonly options: SumoSourceOptions) {
    const { scenario } = options;
    this.scenario = scenario;
    this.log = options.log;
    this.simTimeMs = options.startSimTimeMs;
    this.clock = new SimClock(options.startSimTimeMs, performance.now(), options.speedFactor ?? 1);
    if (options.paused) this.clock.pause(performance.now());
    const { meta } = scenario.network.city;
    this.edgeIdOfLink = meta.links.map((link) => scenario.network.linkIds.sumoIdOf(link.id)!);
    this.window = new SumoLinkWindow(meta, this.edgeIdOfLink);
    this.incidents = new SumoIncidents(meta, this.edgeIdOfLink);
    this.stepMs = scenario.cfg.stepLengthS * 1000;
    const publishHz = options.publishHz ?? 4;
    if (!(publishHz > 0 && publishHz <= 60)) throw new RangeError(`publishHz must be in (0, 60], got ${publishHz}`);
    this.publishIntervalMs = 1000 / publishHz;
    this.restart = { maxAttempts: 5, backoff: RESTART_BACKOFF, stableRunMs: 60_000, ...options.restart };
    if (options.signalDriver) this.signals = options.signalDriver(scenario.network);
  }

  /** SUMO's process id while it runs, else null: what an operator (or a test) kills to see the restart. */
  get sumoPid(): number | null {
    return this.sumo?.pid ?? null;
  }

  start(sink: LiveSink): void {
    if (this.running) return;
    this.sink = sink;
    this.running = true;
    this.reportIncidents();
    this.reportClock();
    this.reportHealth();
    this.healthTimer = setInterval(() => this.reportHealth(), HEALTH_EVERY_MS);
    this.healthTimer.unref();
    this.loop = this.run();
  }

  stop(): void {
    void this.shutdown();
  }

  /** Stops stepping and ends SUMO; resolves once it has exited. */
  async shutdown(): Promise<void> {
    this.running = false;
    clearInterval(this.healthTimer);
    this.wake();
    await this.sumo?.stop();
    await this.loop;
    this.sink = null;
  }

  setClock(change: { speedFactor?: number; paused?: boolean }): void {
    const now = performance.now();
    try {
      if (change.speedFactor !== undefined) this.clock.setSpeedFactor(change.speedFactor, now);
    } catch (error) {
      throw new SourceRequestError('rejected', (error as Error).message);
    }
    if (change.paused === true) {
      // Paused where SUMO stands, not where the wall clock had got to a step ahead.
      this.clock.rebase(this.simTimeMs, now);
      this.clock.pause(now);
    }
    if (change.paused === false) this.clock.resume(now);
    this.reportClock();
  }

  /** Lowers the link's speed limit in SUMO for the duration (sumo-incidents.ts), from the next step on. */
  createIncident(spec: { linkId: string; capacityFactor: number; durationS: number }): void {
    this.incidents.add(spec, this.simTimeMs);
    this.reportIncidents();
  }

  /** Starts SUMO, drives it, and starts it again when it goes, until stopped or out of attempts. */
  private async run(): Promise<void> {
    let failures = 0;
    let lostBefore = false;
    while (this.running) {
      const attemptAtMs = performance.now();
      let end: RunEnd;
      try {
        const sumo = await this.launch();
        if (lostBefore) this.health = { ...this.health, reconnects: this.health.reconnects + 1 };
        end = await this.drive(sumo);
      } catch (error) {
        end = { kind: 'failed', reason: (error as Error).message };
      }
      this.sumo = null;
      if (end.kind === 'stopped' || !this.running) return;
      if (end.kind === 'end') {
        this.log.info(`SUMO reached the end of ${this.scenario.cfg.cfgFile} (${this.scenario.cfg.endS} s); starting the scenario again`);
        failures = 0;
        continue;
      }
      lostBefore = true;
      failures = performance.now() - attemptAtMs >= this.restart.stableRunMs ? 1 : failures + 1;
      this.setHealth('down');
      if (failures >= this.restart.maxAttempts) {
        this.log.error(`SUMO failed ${failures} times in a row; the SUMO source gives up (last: ${end.reason})`);
        return;
      }
      const delayMs = backoffDelayMs(failures, Math.random, this.restart.backoff);
      this.log.warn(`SUMO stopped (${end.reason}); starting it again in ${delayMs} ms (failure ${failures} of at most ${this.restart.maxAttempts} in a row)`);
      await this.sleep(delayMs);
    }
  }

  /** Starts SUMO and subscribes every link's edge and what the signal driver needs. */
  private async launch(): Promise<SumoProcess> {
    const sumo = await startSumo({ ...this.options.sumo, configFile: this.scenario.cfg.cfgFile });
    this.sumo = sumo;
    if (!this.running) {
      await sumo.stop();
      throw new Error('stopped while starting');
    }
    const { traci } = sumo;
    try {
      for (const edgeId of new Set(this.edgeIdOfLink)) await traci.subscribeEdge(edgeId);
      if (this.signals) {
        for (const laneId of this.signals.lanesToSubscribe()) await traci.subscribeLane(laneId);
        for (const lightId of this.signals.lightsToSubscribe()) await traci.subscribeTrafficLight(lightId);
      }
    } catch (error) {
      await sumo.stop();
      throw error;
    }
    this.log.info(`SUMO ${sumo.version} runs ${this.scenario.cfg.cfgFile} (pid ${sumo.pid}, TraCI port ${sumo.port})`);
    return sumo;
  }

  /** Steps SUMO with the clock until it goes, the scenario ends or the source stops. */
  private async drive(sumo: SumoProcess): Promise<RunEnd> {
    const { traci } = sumo;
    const { beginS, endS } = this.scenario.cfg;
    let exit: string | null = null;
    void sumo.exited.then((info) => {
      if (info.expected) return;
      exit = `${info.signal ? `signal ${info.signal}` : `exit code ${info.code}`}${info.stderrTail ? `: ${info.stderrTail}` : ''}`;
      this.wake();
    });
    // SUMO starts again at `begin` with empty roads; the bridge's clock goes on from where it stood.
    const baseSimTimeMs = this.simTimeMs - beginS * 1000;
    let sumoS = beginS;
    this.window.clear();
    this.incidents.restarted();
    this.signals?.restarted();
    this.clock.rebase(this.simTimeMs, performance.now());
    this.setHealth('live');
    try {
      while (this.running) {
        if (exit !== null) return { kind: 'failed', reason: `SUMO exited (${exit})` };
        const startMs = performance.now();
        const targetMs = this.clock.simTimeAt(startMs);
        while (this.running && this.simTimeMs + this.stepMs <= targetMs && performance.now() - startMs < TICK_BUDGET_MS) {
          if (sumoS + this.scenario.cfg.stepLengthS > endS) {
            await sumo.stop();
            return { kind: 'end' };
          }
          if (await this.incidents.flush(traci, this.simTimeMs)) this.reportIncidents();
          await this.signals?.flush(traci);
          const results = await traci.simulationStep(0);
          const stepS = (await traci.getTime()) - sumoS;
          sumoS += stepS;
          this.simTimeMs = baseSimTimeMs + sumoS * 1000;
          this.window.add(results.edges, stepS);
          this.signals?.observe(results, this.simTimeMs);
          this.health.lastMessageAtMs = Date.now();
        }
        // Behind and out of budget: drop the backlog, as the simulator does (a slow SUMO runs slower, not in bursts).
        if (this.simTimeMs + this.stepMs <= targetMs) this.clock.rebase(this.simTimeMs, performance.now());
        this.publishIfDue();
        await this.sleep(TICK_MS);
      }
      return { kind: 'stopped' };
    } catch (error) {
      if (!this.running) return { kind: 'stopped' };
      // A dropped connection is the symptom; SUMO's exit, a moment later, says why.
      await Promise.race([sumo.exited, new Promise((wait) => setTimeout(wait, EXIT_GRACE_MS).unref())]);
      await sumo.stop();
      return { kind: 'failed', reason: exit !== null ? `SUMO exited (${exit})` : (error as Error).message };
    }
  }

  private publishIfDue(): void {
    const wallMs = performance.now();
    if (this.lastPublish && wallMs - this.lastPublish.wallMs < this.publishIntervalMs) return;
    // The clock excludes dropped backlog, so its advance per wall ms is the speed achieved.
    const clockSimMs = this.clock.simTimeAt(wallMs);
    this.achieved = this.lastPublish ? (clockSimMs - this.lastPublish.clockSimMs) / (wallMs - this.lastPublish.wallMs) : this.clock.speedFactor;
    this.lastPublish = { wallMs, clockSimMs };
    const sink = this.sink;
    if (!sink) return;
    if (this.window.hasSteps) {
      const { links, area } = this.window.close(this.simTimeMs);
      sink.linkTraffic(links);
      if (this.publishes % AREA_EVERY_PUBLISHES === 0) sink.areaTraffic(area);
    }
    if (this.publishes++ % AREA_EVERY_PUBLISHES === 0) this.reportClock();
  }

  private reportClock(): void {
    this.sink?.clock({
      simTimeMs: this.simTimeMs,
      speedFactor: this.clock.speedFactor,
      achievedSpeedFactor: this.clock.paused ? 0 : this.achieved,
      paused: this.clock.paused,
    });
  }

  private reportIncidents(): void {
    this.sink?.incidents(this.incidents.list());
  }

  private setHealth(state: SourceHealth['state']): void {
    if (this.health.state === state) return;
    this.health = { ...this.health, state };
    this.reportHealth();
  }

  private reportHealth(): void {
    this.sink?.health({ ...this.health });
  }

  /** Waits `ms`, or less when woken (SUMO exited, the source stops). */
  private sleep(ms: number): Promise<void> {
    return new Promise((done) => {
      const timer = setTimeout(finish, ms);
      function finish() {
        clearTimeout(timer);
        done();
      }
      this.wake = finish;
    });
  }
}
