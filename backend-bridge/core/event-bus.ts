/**
 * The bridge's one live-event bus. A source emits into `sink`; every part of
 * the bridge that follows live events (traffic state, alerts, drill-down,
 * signals, the recorder…) subscribes to the kinds it wants, in the order the
 * bridge subscribed them. A subscriber that throws is logged and skipped, so
 * one feature's bug cannot stall the stream for the others.
 *
 * The bus is built from a record naming every event kind, typed so that a
 * kind missing from it does not compile: a new kind of event reaches its
 * subscribers without anyone having to forward it by hand.
 */
import type { Logger } from './log';

/** One method per event kind, each taking that kind's event. */
export type SinkOf<Events> = { [K in keyof Events]: (event: Events[K]) => void };

/** Every kind of an event map, each named once (the values carry no meaning). */
export type EventKinds<Events> = { readonly [K in keyof Events]-?: true };

type Handler = (event: unknown) => void;

export class EventBus<Events extends object> {
  /** Hand this to the source: one method per kind, each emitting on the bus. */
  readonly sink: SinkOf<Events>;
  private readonly handlers = new Map<keyof Events, Handler[]>();

  constructor(
    kinds: EventKinds<Events>,
    private readonly log: Logger,
  ) {
    const sink: Partial<SinkOf<Events>> = {};
    for (const kind of Object.keys(kinds) as (keyof Events)[]) {
      this.handlers.set(kind, []);
      sink[kind] = (event: Events[typeof kind]) => this.emit(kind, event);
    }
    this.sink = sink as SinkOf<Events>;
  }

  /** Calls `handler` with every event of this kind, after the handlers subscribed before it. */
  on<K extends keyof Events>(kind: K, handler: (event: Events[K]) => void): void {
    this.handlersOf(kind).push(handler as Handler);
  }

  /** Subscribes each method of `listener` to its kind (a class instance keeps its `this`). */
  subscribe(listener: Partial<SinkOf<Events>>): void {
    // The bus's own kinds, not the listener's keys: a class keeps its methods on the prototype.
    for (const kind of this.handlers.keys()) {
      const method = listener[kind];
      if (method) this.on(kind, (event) => method.call(listener, event));
    }
  }

  emit<K extends keyof Events>(kind: K, event: Events[K]): void {
    for (const handler of this.handlersOf(kind)) {
      try {
        handler(event);
      } catch (error) {
        this.log.error(`a subscriber failed on ${String(kind)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  }

  private handlersOf(kind: keyof Events): Handler[] {
    const handlers = this.handlers.get(kind);
    if (!handlers) throw new RangeError(`${String(kind)} is not an event kind of this bus`);
    return handlers;
  }
}
