/**
 * Drives a simulation from wall time: on a timer it steps the sim up to
 * where the clock says it should be, within a time budget per tick, and
 * calls `publish` a few times a second.
 *
 * When the sim cannot keep up, the backlog is dropped rather than carried
 * (a slow machine runs the city slower, not in bursts), and the speed
 * actually achieved is reported in `status()`.
 */
import { performance } from 'node:perf_hooks';
import { SimClock } from './sim-clock';

/** What the runner needs of a simulation. */
export interface SteppableSim {
  /** Sim time, ms since the epoch: the start of the next step. */
  readonly simTimeMs: number;
  /** Sim time one step advances, seconds. */
  readonly network: { readonly stepS: number };
  step(): void;
}

export interface SimulatorRunnerOptions {
  /** Sim seconds per wall second, 1–60. @default 1 */
  speedFactor?: number;
  /** `publish` calls per wall second, (0, 60]. @default 4 */
  publishHz?: number;
  /** Wall time between ticks, ms, 1–1000. @default 50 */
  tickMs?: number;
  /** Most wall time one tick may spend stepping, ms, (0, tickMs]. @default 30 */
  tickBudgetMs?: number;
  /** Monotonic wall clock, ms. @default performance.now */
  now?: () => number;
}

const DEFAULTS = { speedFactor: 1, publishHz: 4, tickMs: 50, tickBudgetMs: 30 } as const;

export interface RunnerStatus {
  /** Sim time, ms since the epoch. */
  simTimeMs: number;
  /** The speed asked for. */
  speedFactor: number;
  /** The speed achieved over the last publish interval: lower than asked when the sim cannot keep up, 0 while paused. */
  achievedSpeedFactor: number;
  paused: boolean;
  running: boolean;
}

export class SimulatorRunner {
  private readonly clock: SimClock;
  private readonly now: () => number;
  private readonly publishIntervalMs: number;
  private readonly tickMs: number;
  private readonly tickBudgetMs: number;
  private readonly stepMs: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastPublish: { wallMs: number; clockSimMs: number } | undefined;
  private achieved = 0;

  /**
   * @param sim the simulation to drive
   * @param publish called with the sim time at the publish rate; must not throw (errors are not caught)
   */
  constructor(
    private readonly sim: SteppableSim,
    private readonly publish: (simTimeMs: number) => void,
    options: SimulatorRunnerOptions = {},
  ) {
    const { publishHz, tickMs, tickBudgetMs, speedFactor } = { ...DEFAULTS, ...options };
    inRange('publishHz', publishHz, (v) => v > 0 && v <= 60, '(0, 60]');
    inRange('tickMs', tickMs, (v) => v >= 1 && v <= 1000, '1–1000');
    inRange('tickBudgetMs', tickBudgetMs, (v) => v > 0 && v <= tickMs, `(0, tickMs = ${tickMs}]`);
    this.now = options.now ?? (() => performance.now());
    this.publishIntervalMs = 1000 / publishHz;
    this.tickMs = tickMs;
    this.tickBudgetMs = tickBudgetMs;
    this.stepMs = sim.network.stepS * 1000;
    this.clock = new SimClock(sim.simTimeMs, this.now(), speedFactor);
  }

  /** Starts ticking; sim time runs on from where the sim stands. */
  start(): void {
    if (this.timer) return;
    this.clock.rebase(this.sim.simTimeMs, this.now());
    this.lastPublish = undefined;
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.tick();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  pause(): void {
    this.clock.pause(this.now());
  }

  resume(): void {
    this.clock.resume(this.now());
  }

  /** Sets the speed, 1–60; throws a RangeError naming any other value. */
  setSpeedFactor(speedFactor: unknown): void {
    this.clock.setSpeedFactor(speedFactor, this.now());
  }

  status(): RunnerStatus {
    return {
      simTimeMs: this.sim.simTimeMs,
      speedFactor: this.clock.speedFactor,
      achievedSpeedFactor: this.clock.paused ? 0 : this.achieved,
      paused: this.clock.paused,
      running: this.timer !== undefined,
    };
  }

  private tick(): void {
    const startMs = this.now();
    const targetMs = this.clock.simTimeAt(startMs);
    const deadlineMs = startMs + this.tickBudgetMs;
    while (this.sim.simTimeMs + this.stepMs <= targetMs && this.now() < deadlineMs) this.sim.step();
    if (this.sim.simTimeMs + this.stepMs <= targetMs) this.clock.rebase(this.sim.simTimeMs, this.now());

    const wallMs = this.now();
    if (this.lastPublish && wallMs - this.lastPublish.wallMs < this.publishIntervalMs) return;
    // The clock excludes dropped backlog, so its advance per wall ms is the speed achieved.
    const clockSimMs = this.clock.simTimeAt(wallMs);
    if (this.lastPublish) {
      this.achieved = (clockSimMs - this.lastPublish.clockSimMs) / (wallMs - this.lastPublish.wallMs);
    } else {
      this.achieved = this.clock.speedFactor;
    }
    this.lastPublish = { wallMs, clockSimMs };
    this.publish(this.sim.simTimeMs);
  }
}

function inRange(name: string, value: number, ok: (v: number) => boolean, range: string): void {
  if (typeof value !== 'number' || !ok(value)) throw new RangeError(`${name} must be in ${range}, got ${String(value)}`);
}
