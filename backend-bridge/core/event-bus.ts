/**
 * Hands each live event to the core sink first, then to every module that
 * follows it. A module that throws is logged and skipped, so one feature's
 * bug cannot stall the stream for the others.
 */
import type { LiveSink } from '../sources/live-source';
import type { Logger } from './log';

type Listener = Partial<LiveSink>;

export function fanOutSink(core: LiveSink, listeners: readonly Listener[], log: Logger): LiveSink {
  const each = <K extends keyof LiveSink>(key: K, args: Parameters<NonNullable<LiveSink[K]>>): void => {
    for (const listener of listeners) {
      const handler = listener[key] as ((...a: typeof args) => void) | undefined;
      if (!handler) continue;
      try {
        handler.apply(listener, args);
      } catch (error) {
        log.error(`a module failed on ${key}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  };
  return {
    linkTraffic: (traffic) => {
      core.linkTraffic(traffic);
      each('linkTraffic', [traffic]);
    },
    areaTraffic: (traffic) => {
      core.areaTraffic(traffic);
      each('areaTraffic', [traffic]);
    },
    clock: (clock) => {
      core.clock(clock);
      each('clock', [clock]);
    },
    incidents: (incidents) => {
      core.incidents(incidents);
      each('incidents', [incidents]);
    },
    devices: (updates) => {
      core.devices?.(updates);
      each('devices', [updates]);
    },
    health: (health) => {
      core.health?.(health);
      each('health', [health]);
    },
    alert: (alert) => {
      core.alert?.(alert);
      each('alert', [alert]);
    },
  };
}
