/**
 * The city's travel time index and speed per sim hour, kept in the bridge's
 * database so the cockpit can compare today with the same hours yesterday and
 * a week earlier (8 days are kept) — also after a restart, when the bridge ran then.
 *
 * One sample is taken per sim minute (the first summary of each), so an hour
 * holds up to 60 whatever the sim speed. The first sample this process takes
 * in an hour replaces what an earlier run stored for it: a restarted demo,
 * which replays the same sim day, keeps its latest run's figures, never a
 * mix of two runs.
 */
import { zonedDayStartMs } from '../../common/time/zoned-time';
import type { CityTrendMessage, HourFigures } from '../protocol';
import type { BridgeDatabase } from '../store/database';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface CityHoursOptions {
  /** The city's IANA time zone (CityMeta.timeZone); decides where a day starts. */
  timeZone: string;
  /** Hours older than this before the newest sample are pruned, sim ms. @default 8 days */
  retentionMs?: number;
}

export interface CitySample {
  simTimeMs: number;
  travelTimeIndex: number;
  avgSpeedKmh: number;
}

interface HourRow {
  hourStartSimMs: number;
  ttiSum: number;
  speedSum: number;
  samples: number;
}

export class CityHours {
  private readonly timeZone: string;
  private readonly retentionMs: number;
  private lastMinute: number | null = null;
  /** Hours this process has written to, so its first sample of an hour replaces an earlier run's. */
  private readonly hoursTaken = new Set<number>();
  private readonly replace;
  private readonly accumulate;
  private readonly prune;
  private readonly range;

  constructor(db: BridgeDatabase, options: CityHoursOptions) {
    this.timeZone = options.timeZone;
    this.retentionMs = options.retentionMs ?? 8 * DAY_MS;
    db.exec(`CREATE TABLE IF NOT EXISTS wall_city_hours (
      hour_start_sim_ms INTEGER PRIMARY KEY,
      tti_sum REAL NOT NULL,
      speed_sum REAL NOT NULL,
      samples INTEGER NOT NULL
    )`);
    this.replace = db.prepare(
      'INSERT OR REPLACE INTO wall_city_hours (hour_start_sim_ms, tti_sum, speed_sum, samples) VALUES (?, ?, ?, 1)',
    );
    this.accumulate = db.prepare(
      'UPDATE wall_city_hours SET tti_sum = tti_sum + ?, speed_sum = speed_sum + ?, samples = samples + 1 WHERE hour_start_sim_ms = ?',
    );
    this.prune = db.prepare('DELETE FROM wall_city_hours WHERE hour_start_sim_ms < ?');
    this.range = db.prepare<[number, number], HourRow>(
      `SELECT hour_start_sim_ms AS hourStartSimMs, tti_sum AS ttiSum, speed_sum AS speedSum, samples
       FROM wall_city_hours WHERE hour_start_sim_ms >= ? AND hour_start_sim_ms < ? ORDER BY hour_start_sim_ms`,
    );
  }

  /** Takes a city summary; only the first of each sim minute counts. A sample going back in time starts over. */
  add(sample: CitySample): void {
    const minute = Math.floor(sample.simTimeMs / MINUTE_MS);
    if (this.lastMinute !== null && minute === this.lastMinute) return;
    if (this.lastMinute !== null && minute < this.lastMinute) this.hoursTaken.clear();
    this.lastMinute = minute;
    const hourStart = Math.floor(sample.simTimeMs / HOUR_MS) * HOUR_MS;
    if (this.hoursTaken.has(hourStart)) {
      this.accumulate.run(sample.travelTimeIndex, sample.avgSpeedKmh, hourStart);
      return;
    }
    this.hoursTaken.add(hourStart);
    this.replace.run(hourStart, sample.travelTimeIndex, sample.avgSpeedKmh);
    this.prune.run(hourStart - this.retentionMs);
  }

  /** Today's hours so far, yesterday's and those of the same day a week earlier, as of `simTimeMs`; days start at the city's midnight. */
  trend(simTimeMs: number): Omit<CityTrendMessage, 'type' | 'requestId'> {
    const dayStart = (offsetDays: number) => zonedDayStartMs(simTimeMs, this.timeZone, offsetDays);
    return {
      daySimStartMs: dayStart(0),
      today: this.hours(dayStart(0), dayStart(1)),
      yesterday: this.hours(dayStart(-1), dayStart(0)),
      weekAgo: this.hours(dayStart(-7), dayStart(-6)),
    };
  }

  private hours(fromMs: number, toMs: number): HourFigures[] {
    return this.range.all(fromMs, toMs).map((row) => ({
      hourStartSimMs: row.hourStartSimMs,
      travelTimeIndex: row.ttiSum / row.samples,
      avgSpeedKmh: row.speedSum / row.samples,
      samples: row.samples,
    }));
  }
}
