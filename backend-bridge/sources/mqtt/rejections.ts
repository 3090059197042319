/**
 * Refused payloads, counted per channel (topic filter) with the latest
 * reason, for the source's health. The log gets at most one line per channel
 * per interval, saying how many were refused since the last line, so a
 * flood of junk cannot flood the log or slow the bridge down with it.
 */
import type { Logger } from '../../core/log';
import type { SourceHealth } from '../live-source';

/** Reasons are cut to this many characters: they quote topics, and a publisher picks those. */
const MAX_REASON_CHARS = 300;

interface ChannelRejections {
  count: number;
  lastReason: string;
  /** Refused since the last log line. */
  unlogged: number;
  lastLoggedAtMs: number;
}

export class Rejections {
  private readonly channels = new Map<string, ChannelRejections>();
  /** Bumped on every refusal, so the health reporter sees a change without comparing lists. */
  private revisionCount = 0;

  constructor(
    private readonly log: Logger,
    /** At most one log line per channel per this long, ms. */
    private readonly logIntervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get revision(): number {
    return this.revisionCount;
  }

  add(channel: string, fullReason: string): void {
    const reason = fullReason.length > MAX_REASON_CHARS ? `${fullReason.slice(0, MAX_REASON_CHARS - 1)}…` : fullReason;
    this.revisionCount++;
    let entry = this.channels.get(channel);
    if (!entry) {
      entry = { count: 0, lastReason: '', unlogged: 0, lastLoggedAtMs: -Infinity };
      this.channels.set(channel, entry);
    }
    entry.count++;
    entry.unlogged++;
    entry.lastReason = reason;
    const nowMs = this.now();
    if (nowMs - entry.lastLoggedAtMs < this.logIntervalMs) return;
    const more = entry.unlogged > 1 ? ` (${entry.unlogged} refused on this channel since the last report)` : '';
    this.log.warn(`refused a payload on ${channel}: ${reason}${more}`);
    entry.unlogged = 0;
    entry.lastLoggedAtMs = nowMs;
  }

  list(): SourceHealth['rejected'] {
    return [...this.channels].map(([channel, { count, lastReason }]) => ({ channel, count, lastReason }));
  }
}
