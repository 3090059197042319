/**
 * One TraCI connection over a socket: sends one message at a time and reads
 * its answer, as TraCI requires (SUMO answers in order and never speaks
 * unasked). Requests made while one is out wait in a queue. Every command's
 * status is checked here, so a refusal rejects with SUMO's words and the
 * command named.
 */
import type { Socket } from 'node:net';
import { ByteReader, encodeCommand, encodeMessage, readStatus, takeMessage } from './traci-codec';
import { Status } from './traci-constants';

/** SUMO refused a command, or the connection failed while it was out. */
export class TraciError extends Error {
  constructor(
    message: string,
    /** The command as the caller knows it, e.g. `trafficlight.setPhase("B1")`. */
    readonly command: string,
  ) {
    super(message);
    this.name = 'TraciError';
  }
}

/** What to send: the command id, its content, and a name for errors. */
export interface TraciRequest {
  commandId: number;
  content?: Buffer;
  /** e.g. `simulation.step(12)`; named in every error. */
  name: string;
}

export interface TraciConnectionOptions {
  /** How long one answer may take; a simulation step of a big network is the slow one. @default 120000 */
  requestTimeoutMs?: number;
}

export class TraciConnection {
  private received: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (body: Buffer) => void; reject: (error: Error) => void } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closedReason: string | null = null;
  private readonly requestTimeoutMs: number;

  constructor(
    private readonly socket: Socket,
    options: TraciConnectionOptions = {},
  ) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? 120_000;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(`TraCI connection failed: ${error.message}`));
    socket.on('close', () => this.fail('TraCI connection closed by SUMO'));
  }

  /** False once the socket has closed; every later request rejects. */
  get open(): boolean {
    return this.closedReason === null;
  }

  /**
   * Sends one command and resolves with the rest of the answer after its
   * status (the response command or subscription results, if any).
   */
  request(request: TraciRequest): Promise<ByteReader> {
    const run = this.queue.then(() => this.exchange(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Ends the socket without a TraCI close (SUMO then ends its run). */
  destroy(): void {
    this.socket.destroy();
    this.fail('TraCI connection closed');
  }

  private async exchange(request: TraciRequest): Promise<ByteReader> {
    if (this.closedReason) throw new TraciError(`${request.name}: ${this.closedReason}`, request.name);
    const answer = new Promise<Buffer>((resolve, reject) => (this.waiting = { resolve, reject }));
    const timer = setTimeout(
      () => this.waiting?.reject(new Error(`no answer within ${this.requestTimeoutMs} ms`)),
      this.requestTimeoutMs,
    );
    this.socket.write(encodeMessage([encodeCommand(request.commandId, request.content)]));
    let body: Buffer;
    try {
      body = await answer;
    } catch (error) {
      throw new TraciError(`${request.name}: ${(error as Error).message}`, request.name);
    } finally {
      clearTimeout(timer);
      this.waiting = null;
    }
    const reader = new ByteReader(body);
    const status = readStatus(reader);
    if (status.commandId !== request.commandId) {
      throw new TraciError(`${request.name}: SUMO answered command 0x${status.commandId.toString(16)} instead`, request.name);
    }
    if (status.result !== Status.ok) {
      const kind = status.result === Status.notImplemented ? 'not implemented' : 'error';
      throw new TraciError(`SUMO refused ${request.name} (${kind}): ${status.description || 'no reason given'}`, request.name);
    }
    return reader;
  }

  private onData(chunk: Buffer): void {
    this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
    let message: ReturnType<typeof takeMessage>;
    try {
      message = takeMessage(this.received);
    } catch (error) {
      this.socket.destroy();
      this.fail((error as Error).message);
      return;
    }
    if (!message) return;
    this.received = message.rest;
    if (this.waiting) this.waiting.resolve(message.body);
    else {
      this.socket.destroy();
      this.fail('SUMO sent a message nobody asked for');
    }
  }

  private fail(reason: string): void {
    this.closedReason ??= reason;
    this.waiting?.reject(new Error(reason));
  }
}
