/**
 * Any live source, recorded: the wrapped source runs as before and every
 * event it emits also goes to a StreamRecorder, before the bridge sees it.
 * Requests (clock, incidents, signals) pass straight through.
 */
import type { LiveSink, LiveSource } from '../live-source';
import type { StreamRecorder } from './stream-recorder';

export class RecordingSource implements LiveSource {
  constructor(
    private readonly inner: LiveSource,
    private readonly recorder: StreamRecorder,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  get signals(): LiveSource['signals'] {
    return this.inner.signals;
  }

  start(sink: LiveSink): void {
    const recorder = this.recorder;
    this.inner.start({
      linkTraffic: (traffic) => {
        recorder.linkTraffic(traffic);
        sink.linkTraffic(traffic);
      },
      areaTraffic: (area) => {
        recorder.areaTraffic(area);
        sink.areaTraffic(area);
      },
      clock: (clock) => {
        recorder.clock(clock);
        sink.clock(clock);
      },
      incidents: (incidents) => {
        recorder.incidents(incidents);
        sink.incidents(incidents);
      },
      devices: (devices) => {
        recorder.devices(devices);
        sink.devices?.(devices);
      },
      health: (health) => {
        recorder.health(health);
        sink.health?.(health);
      },
      alert: (alert) => {
        recorder.alert(alert);
        sink.alert?.(alert);
      },
    });
  }

  stop(): void {
    this.inner.stop();
    this.recorder.close();
  }

  setClock(change: { speedFactor?: number; paused?: boolean }): void {
    this.inner.setClock(change);
  }

  createIncident(spec: { linkId: string; capacityFactor: number; durationS: number }): void {
    this.inner.createIncident(spec);
  }
}
