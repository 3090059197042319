/**
 * Commands in flight, by request id: each gets exactly one outcome — the
 * bridge's `ack`, the bridge's `error`, a timeout, or the loss of the
 * connection it was sent on — and late replies for a settled id are ignored.
 */
import type { ErrorCode, ServerMessage } from '@protocol';

/** A bridge message that answers a request: `ack`, `error`, or a query's data carrying `requestId`. */
export type ReplyMessage = Extract<ServerMessage, { requestId?: string }>;

/**
 * Why a command failed: one of the bridge's error codes, or
 * - `timeout`: no reply within the command timeout;
 * - `disconnected`: the connection closed before the reply;
 * - `not-connected`: there was no live connection to send it on.
 */
export type CommandFailure = ErrorCode | 'timeout' | 'disconnected' | 'not-connected';

export class CommandError extends Error {
  constructor(
    readonly code: CommandFailure,
    message: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

interface Pending {
  resolve(reply: ReplyMessage): void;
  reject(error: CommandError): void;
  timer: ReturnType<typeof setTimeout>;
}

export class PendingCommands {
  private readonly pending = new Map<string, Pending>();

  /** @param timeoutMs - how long to wait for a reply before failing with `timeout`, ms */
  constructor(private readonly timeoutMs: number) {}

  /** Commands still waiting for their reply. */
  get size(): number {
    return this.pending.size;
  }

  /** Waits for the reply to request `id`: resolves with it (ack or data), rejects with a `CommandError` on `error` and the rest. */
  wait(id: string): Promise<ReplyMessage> {
    if (this.pending.has(id)) return Promise.reject(new Error(`command id ${id} is already in flight`));
    return new Promise<ReplyMessage>((resolve, reject) => {
      const timer = setTimeout(
        () => this.finish(id, new CommandError('timeout', `no reply from the bridge within ${this.timeoutMs / 1000} s`)),
        this.timeoutMs,
      );
      this.pending.set(id, { resolve, reject, timer });
    });
  }

  /** Applies a reply; returns false when it answers no command in flight (e.g. one that already timed out). */
  settle(reply: ReplyMessage): boolean {
    const id = reply.requestId;
    if (id === undefined || !this.pending.has(id)) return false;
    this.finish(id, reply.type === 'error' ? new CommandError(reply.code, reply.message) : reply);
    return true;
  }

  /** Fails every command in flight, e.g. when the connection closes. */
  rejectAll(code: CommandFailure, message: string): void {
    for (const id of [...this.pending.keys()]) this.finish(id, new CommandError(code, message));
  }

  private finish(id: string, outcome: CommandError | ReplyMessage): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    clearTimeout(entry.timer);
    if (outcome instanceof CommandError) entry.reject(outcome);
    else entry.resolve(outcome);
  }
}
