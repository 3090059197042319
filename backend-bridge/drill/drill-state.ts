/**
 * What the drill-down keeps of the live stream: the latest link and area
 * traffic, per-area histories and each device's latest state. It hands the
 * figure functions a DrillInputs over it.
 */
import type { Alert } from '../protocol';
import type { AreaTraffic, DeviceUpdate, LinkTraffic, SourceClock } from '../sources/live-source';
import type { SignalAccess, SignalModes } from '../sources/signal-access';
import { AreaHistories } from './area-histories';
import type { CityIndex } from './city-index';
import type { DrillInputs } from './drill-inputs';

export class DrillState {
  /** Sim time of the newest event heard, ms since the epoch; 0 before the first. */
  simTimeMs = 0;
  private links: LinkTraffic | null = null;
  private area: AreaTraffic | null = null;
  private readonly histories: AreaHistories;
  private readonly deviceStates = new Map<string, DeviceUpdate>();

  constructor(private readonly index: CityIndex) {
    this.histories = new AreaHistories(index.districtById.keys());
  }

  linkTraffic(traffic: LinkTraffic): void {
    const linkCount = this.index.city.meta.links.length;
    // Figures indexed like another city's links would be read as nonsense: skip them.
    if (traffic.speedKmh.length !== linkCount) return;
    // Sources may reuse their arrays for the next publish (the simulator does): keep a copy.
    const kept = this.links ?? emptyLinkTraffic(linkCount);
    kept.simTimeMs = traffic.simTimeMs;
    kept.speedKmh.set(traffic.speedKmh);
    kept.densityVehPerKmLane.set(traffic.densityVehPerKmLane);
    kept.flowVehPerH.set(traffic.flowVehPerH);
    kept.level.set(traffic.level);
    this.links = kept;
    this.simTimeMs = traffic.simTimeMs;
  }

  areaTraffic(area: AreaTraffic): void {
    this.area = area;
    this.histories.add(area);
    this.simTimeMs = area.simTimeMs;
  }

  clock(clock: SourceClock): void {
    this.simTimeMs = clock.simTimeMs;
  }

  devices(updates: readonly DeviceUpdate[]): void {
    for (const update of updates) {
      if (this.index.deviceById.has(update.deviceId)) this.deviceStates.set(update.deviceId, update);
    }
  }

  /** The inputs of the figures now, with the open alerts and signals the caller read. */
  inputs(openAlerts: readonly Alert[], signals: SignalAccess | undefined, modes: SignalModes): DrillInputs {
    return {
      index: this.index,
      links: this.links,
      area: this.area,
      cityHistory: this.histories.city(),
      districtHistory: (districtId) => this.histories.district(districtId),
      openAlerts,
      devices: this.deviceStates,
      ...(signals && { signals }),
      modes,
    };
  }
}

function emptyLinkTraffic(linkCount: number): LinkTraffic {
  return {
    simTimeMs: 0,
    speedKmh: new Float32Array(linkCount),
    densityVehPerKmLane: new Float32Array(linkCount),
    flowVehPerH: new Float32Array(linkCount),
    level: new Uint8Array(linkCount),
  };
}
