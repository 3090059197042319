/**
 * The soak's bridge as a real process (`node dist/bridge/main.js`), so the
 * soak can kill it and start it again on the same port and data directory,
 * as a crash and a service restart would: what survives is what the bridge
 * kept on disk, and the wall must find its way back on its own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { PROTOCOL_VERSION } from '../backend-bridge/protocol';
import { nextOfType, openTestClient } from '../backend-bridge/app/test-client.fixture';

const MAIN_JS = fileURLToPath(new URL('../dist/bridge/main.js', import.meta.url));
/** How long a starting bridge may take to print where to open the app, ms. */
const START_TIMEOUT_MS = 120_000;
/** How long a snapshot or an acknowledgement may take over the socket, ms. */
const REPLY_TIMEOUT_MS = 20_000;

/** A free loopback TCP port, found by binding port 0 and letting it go. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms))),
  ]);
}

export interface SoakBridgeOptions {
  port: number;
  dataDir: string;
  /** Extra flags, e.g. `--alert-rate 0`. */
  args?: readonly string[];
}

/** One bridge process at a time on a fixed port and data directory; `restart` kills it hard and starts another. */
export class SoakBridge {
  readonly origin: string;
  /** The operator token of the running process (demo tokens are issued afresh at each start). */
  operatorToken = '';
  private child: ChildProcess | null = null;

  constructor(private readonly options: SoakBridgeOptions) {
    this.origin = `http://127.0.0.1:${options.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [MAIN_JS, '--port', String(this.options.port), '--data-dir', this.options.dataDir, ...(this.options.args ?? [])], {
      env: { ...process.env, CITYBRAIN_LOG: process.env.CITYBRAIN_LOG ?? 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.child = child;
    let printed = '';
    const ready = new Promise<void>((resolve, reject) => {
      child.once('exit', (code, signal) => reject(new Error(`the bridge exited while starting (code ${code}, signal ${signal}): ${printed}`)));
      child.stdout!.on('data', (chunk: Buffer) => {
        printed += chunk.toString();
        const operator = /Console \(operator\): \S*[?&]token=([^\s&]+)/.exec(printed);
        if (operator && printed.includes('Press Ctrl+C')) {
          this.operatorToken = operator[1]!;
          resolve();
        }
      });
    });
    await withTimeout(ready, START_TIMEOUT_MS, `starting ${MAIN_JS}`);
  }

  /** Kills the process (SIGKILL: nothing gets to shut down cleanly) and waits for it to be gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  /** Ids of every alert the bridge's store serves (open ones and those closed in the last 24 h), from a fresh viewer's snapshot. */
  async alertIds(): Promise<string[]> {
    const client = await openTestClient(this.origin);
    try {
      client.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION, client: 'soak/1' });
      const snapshot = await withTimeout(nextOfType(client, 'alert-snapshot'), REPLY_TIMEOUT_MS, 'alert snapshot');
      return snapshot.alerts.map((alert) => alert.id);
    } finally {
      client.socket.close();
    }
  }

  /** Sets the simulation's speed as an operator would. */
  async setSpeed(speedFactor: number): Promise<void> {
    const client = await openTestClient(this.origin);
    try {
      client.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION, token: this.operatorToken, client: 'soak/1' });
      await withTimeout(nextOfType(client, 'welcome'), REPLY_TIMEOUT_MS, 'welcome');
      client.sendJson({ type: 'set-sim-clock', id: 'soak-speed', speedFactor });
      await withTimeout(nextOfType(client, 'ack'), REPLY_TIMEOUT_MS, 'set-sim-clock acknowledgement');
    } finally {
      client.socket.close();
    }
  }
}
