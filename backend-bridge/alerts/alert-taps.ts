/**
 * Alerts that ride on a live source's events: its sim time drives the demo
 * alert generator, its incidents raise traffic-accident alerts and its field
 * alerts are raised as they come. The sink passed on is the live state's,
 * with these taps in front.
 */
import type { LiveSink, SourceAlert, SourceIncident } from '../sources/live-source';

export interface AlertTaps {
  /** The source's clock moved (sim time in demo mode), ms since the epoch. */
  simTime(simTimeMs: number): void;
  /** The source's current incident list. */
  incidents(incidents: readonly SourceIncident[]): void;
  /** A field alert from the source (MQTT: CAP XML or a JSON draft). */
  alert(alert: SourceAlert): void;
}

export function withAlertTaps(sink: LiveSink, taps: AlertTaps): LiveSink {
  return {
    linkTraffic: (traffic) => {
      sink.linkTraffic(traffic);
      taps.simTime(traffic.simTimeMs);
    },
    areaTraffic: (traffic) => sink.areaTraffic(traffic),
    clock: (clock) => {
      sink.clock(clock);
      taps.simTime(clock.simTimeMs);
    },
    incidents: (incidents) => {
      sink.incidents(incidents);
      taps.incidents(incidents);
    },
    alert: (alert) => taps.alert(alert),
  };
}
