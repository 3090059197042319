/**
 * Who hears what the bridge pushes: validated JSON messages by type, and
 * binary frames. One hub can outlive many clients (the connection store
 * hands the same hub to every client it creates), so subscriptions made once
 * keep working across reconnects and reconnections to another bridge.
 *
 * For pushes that carry a whole state (the sim clock, the incident list…),
 * the hub keeps the latest and hands it to each new subscriber at once: a
 * store created after connecting still learns what was sent on connect.
 */
import type { ServerMessage, ServerMessageType } from '@protocol';

/** The server message of type `T`. */
export type ServerMessageOf<T extends ServerMessageType> = Extract<ServerMessage, { type: T }>;
export type MessageHandler<T extends ServerMessageType> = (message: ServerMessageOf<T>) => void;
/**
 * Receives a binary frame already checked to be a typed-array bundle of a
 * known kind. The buffer is not copied: a handler may transfer it (e.g. to a
 * worker), which leaves it empty for handlers after it.
 */
export type BinaryHandler = (frame: ArrayBuffer) => void;

export class BridgeListeners {
  private readonly byType = new Map<ServerMessageType, Set<(message: ServerMessage) => void>>();
  private readonly binary = new Set<BinaryHandler>();
  private readonly retained: ReadonlySet<ServerMessageType>;
  private readonly latest = new Map<ServerMessageType, ServerMessage>();

  /**
   * @param logger - where a failing handler is reported. @default console
   * @param retained - types whose latest message is the whole state, handed to late subscribers. @default none
   */
  constructor(
    private readonly logger: Pick<Console, 'error'> = console,
    retained: readonly ServerMessageType[] = [],
  ) {
    this.retained = new Set(retained);
  }

  /**
   * Calls `handler` with every valid message of `type`, starting with the
   * latest one already received if `type` is retained; returns the function
   * that removes it.
   */
  onMessage<T extends ServerMessageType>(type: T, handler: MessageHandler<T>): () => void {
    let handlers = this.byType.get(type);
    if (!handlers) {
      handlers = new Set();
      this.byType.set(type, handlers);
    }
    const untyped = handler as (message: ServerMessage) => void;
    handlers.add(untyped);
    const latest = this.latest.get(type);
    if (latest) this.callEach([untyped], latest, type);
    return () => handlers.delete(untyped);
  }

  /** Calls `handler` with every valid binary frame; returns the function that removes it. */
  onBinary(handler: BinaryHandler): () => void {
    this.binary.add(handler);
    return () => this.binary.delete(handler);
  }

  emit(message: ServerMessage): void {
    if (this.retained.has(message.type)) this.latest.set(message.type, message);
    const handlers = this.byType.get(message.type);
    if (handlers) this.callEach(handlers, message, message.type);
  }

  emitBinary(frame: ArrayBuffer): void {
    this.callEach(this.binary, frame, 'binary frame');
  }

  /** Drops the retained messages, e.g. before connecting to another bridge. */
  forget(): void {
    this.latest.clear();
  }

  /** One failing handler must neither break the connection nor starve the others. */
  private callEach<T>(handlers: Iterable<(value: T) => void>, value: T, what: string): void {
    for (const handler of handlers) {
      try {
        handler(value);
      } catch (error) {
        this.logger.error(`a ${what} handler failed`, error);
      }
    }
  }
}
