/**
 * A real Mosquitto broker for tests and the bench, on a free loopback port,
 * with its own config in a temporary directory. `restart()` brings it back
 * on the same port; with `persistent` it keeps sessions across the restart
 * as a production broker would.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface Mosquitto {
  port: number;
  /** `mqtt://127.0.0.1:<port>` */
  url: string;
  /** Stops the broker (SIGTERM; a persistent one saves its sessions first). */
  stop(): Promise<void>;
  /** Starts it again on the same port and waits until it accepts. */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  dispose(): Promise<void>;
}

const START_TIMEOUT_MS = 5000;
const STOP_TIMEOUT_MS = 5000;

function mosquittoBinary(): string {
  const candidates = [process.env.MOSQUITTO_PATH, '/usr/sbin/mosquitto', '/usr/local/sbin/mosquitto', '/opt/homebrew/sbin/mosquitto'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  if (spawnSync('mosquitto', ['-h']).error === undefined) return 'mosquitto';
  throw new Error('the MQTT tests need the Mosquitto broker, which is not installed: run .ci/run (it installs it), or apt-get install mosquitto, or set MOSQUITTO_PATH');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface MosquittoOptions {
  /** Keep sessions and queued messages across a restart (persistence on). @default false */
  persistent?: boolean;
  /** More mosquitto.conf lines, e.g. `max_queued_messages 0`. */
  extraConfig?: string[];
}

export async function startMosquitto(options: MosquittoOptions = {}): Promise<Mosquitto> {
  const binary = mosquittoBinary();
  const dir = mkdtempSync(join(tmpdir(), 'citybrain-mosquitto-'));
  const port = await freePort();
  const config = join(dir, 'mosquitto.conf');
  writeFileSync(
    config,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      // Run as whoever runs the tests, so a root CI job can still write the persistence directory.
      `user ${userInfo().username}`,
      options.persistent ? `persistence true\npersistence_location ${dir}/` : 'persistence false',
      'log_type error',
      ...(options.extraConfig ?? []),
      '',
    ].join('\n'),
  );
  let child: ChildProcess | null = null;
  let stderr = '';

  const start = async () => {
    stderr = '';
    const spawned = spawn(binary, ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = spawned;
    spawned.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (spawned.exitCode !== null) throw new Error(`mosquitto exited with ${spawned.exitCode}: ${stderr}`);
      if (await accepts(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    spawned.kill('SIGKILL');
    throw new Error(`mosquitto did not accept on port ${port} within ${START_TIMEOUT_MS} ms: ${stderr}`);
  };

  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    start,
    stop,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
