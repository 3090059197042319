/**
 * A recording played back as a live source: the recorded events again, in
 * order, paced by their sim time at 1–60× speed, with pause and seek.
 * Traffic frames keep their original sequence numbers and sim times; when
 * several fall due in one tick (a fast replay), only the latest is sent.
 *
 * The replay's own clock replaces the recorded one (reported once a tick
 * that replayed anything), and the recorded upstream health is history, not
 * the state of this source, so neither is replayed. At the end the replay
 * pauses; resuming starts it over.
 */
import { performance } from 'node:perf_hooks';
import { type ReplayPosition, SIM_SPEED_FACTOR_RANGE } from '../../protocol';
import type { Logger } from '../../core/log';
import { type LinkTraffic, type LiveSink, type LiveSource, type SourceHealth, SourceRequestError } from '../live-source';
import type { RecordedEvent } from './recording-format';
import type { RecordingFile } from './recording-file';

export interface ReplaySourceOptions {
  /** Sim seconds replayed per wall second, 1–60. @default 1 */
  speedFactor?: number;
  /** Start paused, e.g. so an operator presses play when the audience is watching. @default false */
  paused?: boolean;
  /** Wall time between ticks, ms. @default 50 */
  tickMs?: number;
  /** Most real time one tick may spend replaying, ms; beyond it the replay runs slower than asked. @default 30 */
  tickBudgetMs?: number;
  /**
   * Of the traffic and area lines due in one tick, send only the latest of
   * each: a 1× recording replayed at 60× would otherwise push 240 traffic
   * frames a second, far more than a screen shows. Off, every frame is sent.
   * @default true
   */
  coalesceSnapshots?: boolean;
  /** Monotonic wall clock that paces the replay, ms. @default performance.now */
  now?: () => number;
  /** Wall clock for health, ms since the epoch. @default Date.now */
  epochNow?: () => number;
}

/** Link traffic with the sequence number its frame had when it was first streamed. */
export type SequencedLinkTraffic = LinkTraffic & { seq: number };

/** The kinds whose latest line is the state a client needs after a seek. */
const STATE_KINDS = ['traffic', 'area', 'incidents'] as const;
/** Weight of the latest tick in the achieved speed (an exponential moving average over about 10 ticks). */
const SPEED_SMOOTHING = 0.1;
/** Health (the age of the last event) is reported at most this often while playing, wall ms. */
const HEALTH_EVERY_MS = 1000;
/** Whole-state lines that a later line of the same kind supersedes. */
const SNAPSHOT_KINDS: ReadonlySet<string> = new Set(['traffic', 'area']);

export class ReplaySource implements LiveSource {
  readonly name = 'replay';
  private readonly tickMs: number;
  private readonly tickBudgetMs: number;
  private readonly coalesceSnapshots: boolean;
  private readonly now: () => number;
  private readonly epochNow: () => number;
  private sink: LiveSink | null = null;
  private timer: NodeJS.Timeout | undefined;
  /** Next entry to replay. */
  private cursor = 0;
  private simTimeMs: number;
  private speedFactor: number;
  private paused: boolean;
  private lastTickWallMs = 0;
  /** Sim ms replayed per wall ms lately, smoothed over ticks. */
  private achievedSpeedFactor: number;
  private lastEventAtMs: number | null = null;
  private lastHealthAtMs = 0;
  private readonly rejected: SourceHealth['rejected'] = [];

  constructor(
    readonly recording: RecordingFile,
    private readonly log: Logger,
    options: ReplaySourceOptions = {},
  ) {
    this.speedFactor = checkSpeed(options.speedFactor ?? 1);
    this.paused = options.paused ?? false;
    this.achievedSpeedFactor = this.speedFactor;
    this.tickMs = options.tickMs ?? 50;
    this.tickBudgetMs = options.tickBudgetMs ?? 30;
    this.coalesceSnapshots = options.coalesceSnapshots ?? true;
    this.now = options.now ?? (() => performance.now());
    this.epochNow = options.epochNow ?? Date.now;
    this.simTimeMs = recording.startSimTimeMs;
    if (recording.truncationWarning) {
      log.warn(recording.truncationWarning);
      this.rejected.push({ channel: recording.file, count: 1, lastReason: recording.truncationWarning });
    }
  }

  start(sink: LiveSink): void {
    this.sink = sink;
    this.lastTickWallMs = this.now();
    this.reportClock();
    this.reportHealth();
    this.timer = setInterval(() => this.tick(), this.tickMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.sink = null;
    this.recording.close();
  }

  setClock(change: { speedFactor?: number; paused?: boolean }): void {
    if (change.speedFactor !== undefined) {
      try {
        this.speedFactor = checkSpeed(change.speedFactor);
      } catch (error) {
        throw new SourceRequestError('rejected', (error as Error).message);
      }
    }
    if (change.paused === false && this.ended) this.seek(this.recording.startSimTimeMs);
    if (change.paused !== undefined) this.paused = change.paused;
    this.lastTickWallMs = this.now();
    this.reportClock();
  }

  createIncident(): void {
    throw new SourceRequestError('rejected', 'a replay plays back what was recorded; it cannot stage incidents');
  }

  /**
   * Continues from `simTimeMs`: the latest traffic, area figures and
   * incident list recorded at or before it are sent at once, so clients show
   * that moment without waiting; device and alert lines in between are
   * skipped rather than raised again.
   */
  seek(simTimeMs: number): void {
    const { startSimTimeMs, endSimTimeMs } = this.recording;
    if (simTimeMs < startSimTimeMs || simTimeMs > endSimTimeMs) {
      throw new SourceRequestError(
        'rejected',
        `sim time ${new Date(simTimeMs).toISOString()} is outside the recording ` +
          `(${new Date(startSimTimeMs).toISOString()} to ${new Date(endSimTimeMs).toISOString()})`,
      );
    }
    const next = this.recording.firstAfter(simTimeMs);
    for (const index of this.latestStateBefore(next)) this.emit(index);
    this.cursor = next;
    this.simTimeMs = simTimeMs;
    this.lastTickWallMs = this.now();
    this.reportClock();
  }

  /** Where the replay stands, for the source-status push. */
  position(): ReplayPosition {
    return {
      simTimeMs: this.simTimeMs,
      startSimTimeMs: this.recording.startSimTimeMs,
      endSimTimeMs: this.recording.endSimTimeMs,
      speedFactor: this.speedFactor,
      paused: this.paused,
      ended: this.ended,
    };
  }

  private get ended(): boolean {
    return this.cursor >= this.recording.entries.length;
  }

  private tick(): void {
    const wallMs = this.now();
    const elapsedMs = wallMs - this.lastTickWallMs;
    this.lastTickWallMs = wallMs;
    if (this.paused || !this.sink) return;
    const startSimMs = this.simTimeMs;
    const targetSimMs = startSimMs + elapsedMs * this.speedFactor;
    const due = this.dueUpTo(targetSimMs);
    const measure = () => {
      if (elapsedMs > 0) this.achievedSpeedFactor += SPEED_SMOOTHING * ((this.simTimeMs - startSimMs) / elapsedMs - this.achievedSpeedFactor);
    };
    // Real time, not the pacing clock: the budget is about the CPU the tick holds the event loop for.
    const deadline = performance.now() + this.tickBudgetMs;
    for (let i = 0; i < due.length; i++) {
      this.emit(due[i]!);
      if (performance.now() > deadline && i < due.length - 1) {
        // Behind: continue from the next line, with the clock held at what was replayed, so the replay slows down.
        this.cursor = due[i + 1]!;
        this.simTimeMs = Math.max(this.simTimeMs, this.recording.entries[due[i]!]!.simTimeMs);
        measure();
        this.reportClock();
        return;
      }
    }
    this.simTimeMs = Math.min(targetSimMs, this.recording.endSimTimeMs);
    measure();
    if (this.ended) {
      this.paused = true;
      this.log.info(`replay of ${this.recording.file} reached its end; paused`);
    }
    // Paused here means it just reached the end.
    if (due.length > 0 || this.paused) this.reportClock();
    if (due.length > 0 && this.epochNow() - this.lastHealthAtMs >= HEALTH_EVERY_MS) this.reportHealth();
  }

  /**
   * Moves the cursor past every line due by `targetSimMs` and returns those
   * to send, in order. Recorded clock lines are left out (the clock is
   * reported once a tick); with `coalesceSnapshots`, so are traffic and area
   * lines that a later one of the same kind in this tick supersedes.
   */
  private dueUpTo(targetSimMs: number): number[] {
    const { entries } = this.recording;
    const due: number[] = [];
    const latest = new Map<string, number>();
    for (; this.cursor < entries.length && entries[this.cursor]!.simTimeMs <= targetSimMs; this.cursor++) {
      const { kind } = entries[this.cursor]!;
      if (kind === 'clock' || kind === 'health') continue;
      if (this.coalesceSnapshots && (kind === 'traffic' || kind === 'area')) latest.set(kind, due.length);
      due.push(this.cursor);
    }
    if (latest.size === 0) return due;
    const kept = new Set(latest.values());
    return due.filter((index, position) => kept.has(position) || !SNAPSHOT_KINDS.has(entries[index]!.kind));
  }

  /** Indices, in file order, of the last line of each state kind before entry `end`. */
  private latestStateBefore(end: number): number[] {
    const wanted = new Set<string>(STATE_KINDS);
    const found: number[] = [];
    for (let i = end - 1; i >= 0 && wanted.size > 0; i--) {
      const { kind } = this.recording.entries[i]!;
      if (wanted.delete(kind)) found.push(i);
    }
    return found.reverse();
  }

  private emit(index: number): void {
    let event: RecordedEvent;
    try {
      event = this.recording.read(index);
    } catch (error) {
      this.reject((error as Error).message);
      return;
    }
    const sink = this.sink;
    if (!sink) return;
    this.lastEventAtMs = this.epochNow();
    switch (event.kind) {
      case 'traffic': {
        const traffic: SequencedLinkTraffic = { ...event.traffic, seq: event.seq };
        sink.linkTraffic(traffic);
        return;
      }
      case 'area':
        sink.areaTraffic(event.area);
        return;
      case 'incidents':
        sink.incidents(event.incidents);
        return;
      case 'devices':
        sink.devices(event.devices);
        return;
      case 'alert':
        sink.alert(event.alert);
        return;
      case 'clock':
      case 'health':
        // Not due in a tick (see dueUpTo); listed so a new kind cannot slip past this switch.
        return;
    }
  }

  private reject(reason: string): void {
    this.log.warn(`replay skipped a line: ${reason}`);
    const channel = this.recording.file;
    const entry = this.rejected.find((r) => r.channel === channel);
    if (entry) {
      entry.count++;
      entry.lastReason = reason;
    } else {
      this.rejected.push({ channel, count: 1, lastReason: reason });
    }
    this.reportHealth();
  }

  private reportClock(): void {
    this.sink?.clock({
      simTimeMs: this.simTimeMs,
      speedFactor: this.speedFactor,
      achievedSpeedFactor: this.paused ? 0 : Math.max(0, this.achievedSpeedFactor),
      paused: this.paused,
    });
  }

  private reportHealth(): void {
    this.lastHealthAtMs = this.epochNow();
    this.sink?.health({
      state: 'live',
      lastMessageAtMs: this.lastEventAtMs,
      reconnects: 0,
      rejected: this.rejected.map((r) => ({ ...r })),
    });
  }
}

function checkSpeed(speedFactor: number): number {
  const { min, max } = SIM_SPEED_FACTOR_RANGE;
  if (!(speedFactor >= min && speedFactor <= max)) throw new RangeError(`replay speed must be ${min}× to ${max}×, got ${speedFactor}`);
  return speedFactor;
}
