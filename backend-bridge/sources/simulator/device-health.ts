/**
 * Device health for the demo: most devices are online, and each now and then
 * has an outage (degraded: reporting with faults; offline: silent) that
 * starts and ends over sim time. Loop detectors read the speed of their link.
 *
 * Each device runs its own seeded two-state process in sim time: online for
 * an exponentially distributed time (mean 1 / fault rate), then faulted for
 * an exponentially distributed time (mean outage), and so on. Its random
 * numbers come from its own stream (seed, device id), and its changes are
 * computed up to whatever sim time is asked for, so the states at a given
 * sim time depend on the seed only, not on how often the sim reports. At the
 * start each device is drawn from the process's long-run shares, so the
 * demo does not open with every device up.
 */
import { Prng } from '../../city/prng';
import type { CityMeta, DeviceKind, DeviceStatus } from '../../protocol';
import type { DeviceUpdate } from '../live-source';

/** How often a kind of device fails, and for how long. */
export interface DeviceFaultProfile {
  /** Outages per device per day of being online. */
  faultsPerDay: number;
  /** Share of outages in which the device goes silent rather than degraded, 0–1. */
  offlineShare: number;
  /** Mean length of an outage, sim minutes. */
  meanOutageMin: number;
}

/** Long-run share down: faultsPerDay × meanOutage / (1 day + that), about 2–4 % per kind. */
export const DEVICE_FAULT_PROFILES: Readonly<Record<DeviceKind, DeviceFaultProfile>> = {
  camera: { faultsPerDay: 0.5, offlineShare: 0.4, meanOutageMin: 90 },
  'loop-detector': { faultsPerDay: 1, offlineShare: 0.3, meanOutageMin: 60 },
  'fire-alarm': { faultsPerDay: 0.2, offlineShare: 0.5, meanOutageMin: 120 },
  'air-sensor': { faultsPerDay: 0.5, offlineShare: 0.5, meanOutageMin: 120 },
};

export interface DeviceHealthOptions {
  /** Seed of every device's process; the city's seed. Unsigned 32-bit integer. */
  seed: number;
  /** Sim time the processes start at, ms since the epoch. */
  startSimTimeMs: number;
  /**
   * A device that is up but has nothing new to report is reported again
   * after this much sim time, so its last-seen time stays fresh. @default 60_000
   */
  heartbeatSimMs?: number;
}

const DAY_MS = 86_400_000;
const DEFAULT_HEARTBEAT_SIM_MS = 60_000;

interface DeviceProcess {
  deviceId: string;
  profile: DeviceFaultProfile;
  rng: Prng;
  /** Index into the link traffic arrays of the link a detector measures. */
  linkIndex: number | null;
  status: DeviceStatus;
  /** Sim time of the next change of status. */
  nextChangeSimMs: number;
  /** What was last reported, to report changes only. */
  reported: { status: DeviceStatus; readingValue: number | null; atSimMs: number; lastSeenAtMs: number } | null;
}

/** Per-link speeds, indexed like `meta.links`: what detectors read. */
export interface LinkSpeeds {
  speedKmh: ArrayLike<number>;
}

export class DeviceHealth {
  private readonly processes: DeviceProcess[];
  private readonly heartbeatSimMs: number;

  constructor(meta: CityMeta, options: DeviceHealthOptions) {
    this.heartbeatSimMs = options.heartbeatSimMs ?? DEFAULT_HEARTBEAT_SIM_MS;
    const linkIndex = new Map(meta.links.map((link, index) => [link.id, index]));
    this.processes = meta.devices.map((device) => {
      const profile = DEVICE_FAULT_PROFILES[device.kind];
      const rng = new Prng(options.seed, `device-health:${device.id}`);
      const status = initialStatus(profile, rng);
      return {
        deviceId: device.id,
        profile,
        rng,
        linkIndex: device.kind === 'loop-detector' && device.linkId !== undefined ? (linkIndex.get(device.linkId) ?? null) : null,
        status,
        nextChangeSimMs: options.startSimTimeMs + stayMs(profile, status, rng),
        reported: null,
      };
    });
  }

  /** Every device's state at `simTimeMs`: the full list a sink gets once, at start. */
  all(simTimeMs: number, wallMs: number, links: LinkSpeeds | null): DeviceUpdate[] {
    return this.processes.map((process) => this.update(process, simTimeMs, wallMs, links));
  }

  /**
   * The devices whose status changed since the last report, detectors with a
   * new reading, and devices due a heartbeat.
   */
  changes(simTimeMs: number, wallMs: number, links: LinkSpeeds | null): DeviceUpdate[] {
    const updates: DeviceUpdate[] = [];
    for (const process of this.processes) {
      advance(process, simTimeMs);
      const last = process.reported;
      const changed =
        last === null ||
        process.status !== last.status ||
        (process.status !== 'offline' && (readingValue(process, links) !== last.readingValue || simTimeMs - last.atSimMs >= this.heartbeatSimMs));
      if (changed) updates.push(this.update(process, simTimeMs, wallMs, links));
    }
    return updates;
  }

  private update(process: DeviceProcess, simTimeMs: number, wallMs: number, links: LinkSpeeds | null): DeviceUpdate {
    advance(process, simTimeMs);
    const heard = process.status !== 'offline';
    const value = heard ? readingValue(process, links) : null;
    // A device silent since before the bridge started was last heard of when its outage began; it is taken to have begun a mean outage ago.
    const lastSeenAtMs = heard ? wallMs : (process.reported?.lastSeenAtMs ?? wallMs - process.profile.meanOutageMin * 60_000);
    process.reported = { status: process.status, readingValue: value, atSimMs: simTimeMs, lastSeenAtMs };
    const update: DeviceUpdate = { deviceId: process.deviceId, status: process.status, lastSeenAtMs };
    if (value !== null) update.reading = { quantity: 'speed', value, unit: 'km/h', simTimeMs };
    return update;
  }
}

/** Speed on the detector's link to 0.1 km/h, as a detector reports it; null for devices that read nothing. */
function readingValue(process: DeviceProcess, links: LinkSpeeds | null): number | null {
  if (process.linkIndex === null || !links) return null;
  return Math.round((links.speedKmh[process.linkIndex] ?? 0) * 10) / 10;
}

function advance(process: DeviceProcess, simTimeMs: number): void {
  while (process.nextChangeSimMs <= simTimeMs) {
    process.status = process.status === 'online' ? (process.rng.chance(process.profile.offlineShare) ? 'offline' : 'degraded') : 'online';
    process.nextChangeSimMs += stayMs(process.profile, process.status, process.rng);
  }
}

/** The long-run share of time faulted is λD / (1 + λD), with λ the fault rate and D the mean outage. */
function initialStatus(profile: DeviceFaultProfile, rng: Prng): DeviceStatus {
  const faultLoad = (profile.faultsPerDay * profile.meanOutageMin * 60_000) / DAY_MS;
  if (!rng.chance(faultLoad / (1 + faultLoad))) return 'online';
  return rng.chance(profile.offlineShare) ? 'offline' : 'degraded';
}

/**
 * How long the device stays in `status`, sim ms: exponential, rounded to
 * whole seconds (so a last-bit difference in Math.log between platforms
 * cannot change a state), at least one second.
 */
function stayMs(profile: DeviceFaultProfile, status: DeviceStatus, rng: Prng): number {
  const meanMs = status === 'online' ? DAY_MS / profile.faultsPerDay : profile.meanOutageMin * 60_000;
  return Math.max(1, Math.round((-Math.log(1 - rng.next()) * meanMs) / 1000)) * 1000;
}
