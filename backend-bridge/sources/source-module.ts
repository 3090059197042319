/**
 * The live source for clients and operators: its health as a
 * `source-status` push on connect, whenever the state changes, and every few
 * seconds so the age of the last message stays current; and the operator's
 * hold on it — the sim clock, staged incidents, seeking a replay. Each
 * source says what it can do (a field source refuses the clock, only a
 * replay seeks) and a refusal reaches the operator with the source's reason.
 *
 * Sources with an upstream (MQTT) report their own health as live events.
 * For those that do not (the simulator), health is read from the stream
 * itself: live while events arrive or the clock is paused, stale after a
 * quiet spell.
 */
import type { ServerMessage, SourceStatusMessage } from '../protocol';
import type { BridgeModule, BridgeModuleContext } from '../core/bridge-module';
import { type LiveSource, type SourceHealth, SourceRequestError } from './live-source';
import { ReplaySource } from './replay/replay-source';

export interface SourceHealthOptions {
  /** Wall time between unconditional pushes, ms. @default 5000 */
  pushIntervalMs?: number;
  /** A source that reports no health of its own is stale after this long without an event, wall ms. @default 10_000 */
  quietStaleAfterMs?: number;
  /** Wall clock, ms since the epoch. @default Date.now */
  now?: () => number;
}

const DEFAULTS = { pushIntervalMs: 5000, quietStaleAfterMs: 10_000 } as const;

/** Follows a source's events and health; builds its `source-status`. Pure of sockets and timers. */
export class SourceStatusTracker {
  private reported: SourceHealth | null = null;
  private lastEventAtMs: number | null = null;
  private paused = false;

  constructor(
    private readonly source: LiveSource,
    private readonly quietStaleAfterMs: number,
    private readonly now: () => number,
  ) {}

  /** Any event from the source. */
  sawEvent(): void {
    this.lastEventAtMs = this.now();
  }

  sawClock(paused: boolean): void {
    this.paused = paused;
    this.sawEvent();
  }

  sawHealth(health: SourceHealth): void {
    this.reported = health;
  }

  status(): SourceStatusMessage {
    const now = this.now();
    const lastMessageAtMs = this.reported ? this.reported.lastMessageAtMs : this.lastEventAtMs;
    return {
      type: 'source-status',
      name: this.source.name,
      state: this.state(now),
      ...(lastMessageAtMs !== null && { lastMessageAtMs, lastMessageAgeMs: Math.max(0, now - lastMessageAtMs) }),
      reconnects: this.reported?.reconnects ?? 0,
      rejected: this.reported?.rejected ?? [],
      ...(this.source instanceof ReplaySource && { replay: this.source.position() }),
    };
  }

  /** What makes a status different enough to push at once: everything but the ages and the moving replay clock. */
  changeKey(status: SourceStatusMessage): string {
    const { lastMessageAtMs: _at, lastMessageAgeMs: _age, replay, ...rest } = status;
    return JSON.stringify({ ...rest, replay: replay && { ...replay, simTimeMs: 0 } });
  }

  private state(now: number): SourceStatusMessage['state'] {
    if (this.reported) return this.reported.state;
    if (this.paused) return 'live';
    return this.lastEventAtMs !== null && now - this.lastEventAtMs <= this.quietStaleAfterMs ? 'live' : 'stale';
  }
}

export function createSourceModule(context: BridgeModuleContext, options: SourceHealthOptions = {}): BridgeModule {
  const { source, clients } = context;
  const { pushIntervalMs, quietStaleAfterMs } = { ...DEFAULTS, ...options };
  const tracker = new SourceStatusTracker(source, quietStaleAfterMs, options.now ?? Date.now);
  let lastKey = '';
  const push = (always: boolean): void => {
    const status = tracker.status();
    const key = tracker.changeKey(status);
    if (!always && key === lastKey) return;
    lastKey = key;
    clients.broadcast(status satisfies ServerMessage);
  };
  const timer = setInterval(() => push(true), pushIntervalMs);
  timer.unref();

  return {
    // Not 'source': /api/health already has a `source` key, the source's name.
    name: 'sourceStatus',
    events: {
      linkTraffic: () => tracker.sawEvent(),
      areaTraffic: () => tracker.sawEvent(),
      incidents: () => tracker.sawEvent(),
      devices: () => tracker.sawEvent(),
      clock: (clock) => {
        tracker.sawClock(clock.paused);
        push(false);
      },
      health: (health) => {
        tracker.sawHealth(health);
        push(false);
      },
    },
    onClientReady: (session) => session.send(tracker.status()),
    commands: {
      'set-sim-clock': (command) => source.setClock({ speedFactor: command.speedFactor, paused: command.paused }),
      'create-incident': (command) => source.createIncident({ linkId: command.linkId, capacityFactor: command.capacityFactor, durationS: command.durationS }),
      'seek-replay': (command) => {
        if (!source.seek) throw new SourceRequestError('rejected', `the source is ${source.name}, not a replay; only a replay can seek`);
        source.seek(command.simTimeMs);
        push(true);
      },
    },
    health: () => {
      const { type: _type, ...status } = tracker.status();
      return status;
    },
    close: () => clearInterval(timer),
  };
}
