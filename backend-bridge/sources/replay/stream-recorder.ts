/**
 * Writes a source's normalised stream to a recording file (format in
 * recording-format.ts). It is a LiveSink tap: `RecordingSource` hands it
 * every event the bridge receives, in order.
 *
 * Each line goes to the file in one append-mode write, and the file is
 * fsynced at intervals rather than per line: a crash loses at most the last
 * interval and leaves a readable prefix (a cut last line is dropped on
 * replay). A write that fails (disk full) stops the recording with an error
 * in the log; it never stops the bridge.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { Logger } from '../../core/log';
import type { AreaTraffic, DeviceUpdate, LinkTraffic, LiveSink, SourceAlert, SourceClock, SourceHealth, SourceIncident } from '../live-source';
import { RECORDING_FORMAT, RECORDING_FORMAT_VERSION, type RecordedEvent, type RecordingHeader, encodeEventLine, encodeHeaderLine } from './recording-format';

export interface StreamRecorderOptions {
  /** Wall time between fsyncs of the file, ms. @default 1000 */
  fsyncIntervalMs?: number;
  /** Wall clock for the header, ms since the epoch. @default Date.now */
  now?: () => number;
}

/** What the header says about the city and source; the rest is filled in on open. */
export type RecordingSubject = Pick<RecordingHeader, 'cityId' | 'cityVersion' | 'linkCount' | 'source'>;

export class StreamRecorder implements LiveSink {
  private fd: number | null;
  private readonly fsyncTimer: NodeJS.Timeout;
  private dirty = false;
  private seq = 0;
  private lastSimTimeMs = 0;

  /**
   * Creates the file and writes its header. An existing file is refused
   * rather than overwritten or extended: a recording has one header.
   */
  constructor(
    readonly file: string,
    subject: RecordingSubject,
    private readonly log: Logger,
    options: StreamRecorderOptions = {},
  ) {
    try {
      this.fd = openSync(file, 'ax');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'the file exists; record to a new file' : (error as Error).message;
      throw new Error(`cannot record to ${file}: ${reason}`);
    }
    const header: RecordingHeader = {
      format: RECORDING_FORMAT,
      version: RECORDING_FORMAT_VERSION,
      ...subject,
      startedAtMs: (options.now ?? Date.now)(),
    };
    this.write(encodeHeaderLine(header));
    this.sync();
    this.fsyncTimer = setInterval(() => this.sync(), options.fsyncIntervalMs ?? 1000);
    this.fsyncTimer.unref();
  }

  /** Whether lines are still being written (false after close or a failed write). */
  get recording(): boolean {
    return this.fd !== null;
  }

  linkTraffic(traffic: LinkTraffic): void {
    // Numbered like the bridge numbers its traffic frames: one per linkTraffic since the source started.
    this.seq++;
    this.record({ kind: 'traffic', simTimeMs: this.stamp(traffic.simTimeMs), seq: this.seq, traffic });
  }

  areaTraffic(area: AreaTraffic): void {
    this.record({ kind: 'area', simTimeMs: this.stamp(area.simTimeMs), area });
  }

  clock(clock: SourceClock): void {
    this.record({ kind: 'clock', simTimeMs: this.stamp(clock.simTimeMs), clock });
  }

  incidents(incidents: SourceIncident[]): void {
    this.record({ kind: 'incidents', simTimeMs: this.lastSimTimeMs, incidents });
  }

  devices(devices: DeviceUpdate[]): void {
    this.record({ kind: 'devices', simTimeMs: this.lastSimTimeMs, devices });
  }

  health(health: SourceHealth): void {
    this.record({ kind: 'health', simTimeMs: this.lastSimTimeMs, health });
  }

  alert(alert: SourceAlert): void {
    this.record({ kind: 'alert', simTimeMs: this.lastSimTimeMs, alert });
  }

  close(): void {
    clearInterval(this.fsyncTimer);
    if (this.fd === null) return;
    this.sync();
    closeSync(this.fd);
    this.fd = null;
  }

  private stamp(simTimeMs: number): number {
    this.lastSimTimeMs = simTimeMs;
    return simTimeMs;
  }

  private record(event: RecordedEvent): void {
    if (this.fd !== null) this.write(encodeEventLine(event));
  }

  private write(text: string): void {
    try {
      writeSync(this.fd!, text);
      this.dirty = true;
    } catch (error) {
      this.log.error(`recording to ${this.file} stopped: ${(error as Error).message}`);
      this.abandon();
    }
  }

  private sync(): void {
    if (this.fd === null || !this.dirty) return;
    try {
      fsyncSync(this.fd);
      this.dirty = false;
    } catch (error) {
      this.log.error(`recording to ${this.file} stopped: ${(error as Error).message}`);
      this.abandon();
    }
  }

  private abandon(): void {
    clearInterval(this.fsyncTimer);
    const fd = this.fd;
    this.fd = null;
    if (fd !== null) closeSync(fd);
  }
}
