/**
 * The latest live state, kept for clients that connect later, and the fan-out
 * of each new event. Traffic frames are encoded once and shared; JSON pushes
 * are built once per event.
 */
import type { ServerMessage } from '../protocol';
import type { AreaTraffic, LinkTraffic, LiveListener, SourceClock, SourceIncident } from '../sources/live-source';
import type { Clients, Session } from '../core/session';
import { encodeLinkTraffic } from './traffic-frames';
import { TrafficHistory } from './traffic-history';

export class LiveState implements LiveListener {
  private frame: ArrayBuffer | null = null;
  private seq = 0;
  private encoded = 0;
  private speedFactor = 1;
  private summary: ServerMessage | null = null;
  private clockMessage: ServerMessage | null = null;
  private incidentsMessage: ServerMessage = { type: 'incidents', items: [] };
  private readonly history = new TrafficHistory();

  constructor(private readonly clients: Clients) {}

  /** Traffic frames encoded since start. */
  get framesSent(): number {
    return this.encoded;
  }

  /** Size of the latest traffic frame, bytes; 0 before the first. */
  get lastFrameBytes(): number {
    return this.frame?.byteLength ?? 0;
  }

  linkTraffic(traffic: LinkTraffic): void {
    this.seq = traffic.seq ?? this.seq + 1;
    this.encoded++;
    this.frame = encodeLinkTraffic(traffic, this.seq, this.speedFactor);
    this.clients.broadcastTraffic(this.frame);
  }

  areaTraffic(traffic: AreaTraffic): void {
    this.summary = { type: 'traffic-summary', simTimeMs: traffic.simTimeMs, city: traffic.city, districts: traffic.districts };
    this.history.add({
      simTimeMs: traffic.simTimeMs,
      travelTimeIndex: traffic.city.travelTimeIndex,
      avgSpeedKmh: traffic.city.avgSpeedKmh,
    });
    this.clients.broadcast(this.summary);
    this.clients.reportDroppedTraffic();
  }

  clock(clock: SourceClock): void {
    this.speedFactor = clock.speedFactor;
    this.clockMessage = { type: 'sim-clock', ...clock };
    this.clients.broadcast(this.clockMessage);
  }

  incidents(incidents: SourceIncident[]): void {
    this.incidentsMessage = { type: 'incidents', items: incidents };
    this.clients.broadcast(this.incidentsMessage);
  }

  /** Everything a client needs to draw the present at once, newest traffic frame last. */
  sendSnapshot(session: Session): void {
    if (this.clockMessage) session.send(this.clockMessage);
    session.send(this.incidentsMessage);
    session.send({ type: 'traffic-history', points: this.history.list() });
    if (this.summary) session.send(this.summary);
    if (this.frame) session.sendBinary(this.frame);
  }
}
