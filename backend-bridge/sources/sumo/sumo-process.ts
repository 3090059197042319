/**
 * Starts `sumo` on a free loopback port as a TraCI server and hands over a
 * client on the one connection it accepts. SUMO serves a single client and
 * ends the run when that client goes, so "wait until the port accepts" is done
 * with the real connection, not a probe; and SUMO accepts before it loads the
 * network, so it is ready only once it has answered `getVersion`. The child is
 * killed when it is stopped and when the bridge process exits, so no SUMO is
 * left behind.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { accessSync, constants as fsConstants, statSync } from 'node:fs';
import { type Socket, createConnection, createServer } from 'node:net';
import { resolve } from 'node:path';
import { TraciClient, type TraciVersion } from './traci/traci-client';

export interface SumoProcessOptions {
  /** The scenario's `.sumocfg`. */
  configFile: string;
  /** More command-line flags, passed as given, e.g. `['--time-to-teleport', '-1']`. */
  extraArgs?: readonly string[];
  /** The `sumo` executable. @default `$SUMO_BINARY` or `sumo` on the PATH */
  binary?: string;
  /** SUMO's data folder. @default `$SUMO_HOME` or `/usr/share/sumo` */
  sumoHome?: string;
  /** How long SUMO may take to load the scenario and answer TraCI. @default 30000 */
  startTimeoutMs?: number;
  /** How long one TraCI answer may take once running. @default 120000 */
  requestTimeoutMs?: number;
  /** How long `stop()` waits after SIGTERM before SIGKILL. @default 3000 */
  stopTimeoutMs?: number;
}

export interface SumoExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when `stop()` asked for it. */
  expected: boolean;
  /** The last lines SUMO wrote to stderr. */
  stderrTail: string;
}

export interface SumoProcess {
  /** The loopback port SUMO's TraCI server listens on. */
  port: number;
  pid: number;
  /** SUMO's version, e.g. `1.15.0`. */
  version: string;
  /** What SUMO answered to `getVersion` once loaded. */
  traciVersion: TraciVersion;
  /** The client on SUMO's one TraCI connection. */
  traci: TraciClient;
  /** Settles when SUMO exits, whether asked to or not; a source restarts SUMO when `expected` is false. */
  exited: Promise<SumoExit>;
  /** Ends SUMO (SIGTERM, then SIGKILL) and the connection; resolves once it has exited. */
  stop(): Promise<void>;
}

/** The oldest SUMO whose TraCI this client speaks (API version 20). */
export const MIN_SUMO_VERSION = [1, 15] as const;
const INSTALL_HINT = 'apt-get install -y sumo sumo-tools';
const STDERR_TAIL_LINES = 8;
const CONNECT_RETRY_MS = 50;
/** How long a lost connection at start waits for SUMO's exit, which carries the reason. */
const EXIT_GRACE_MS = 2000;
/** How long `stop()` waits for SUMO to end its run after a TraCI close before it signals it. */
const GRACEFUL_STOP_MS = 2000;

/** Starts SUMO on `configFile`, waits until it has loaded and answers TraCI, and returns it with its client. */
export async function startSumo(options: SumoProcessOptions): Promise<SumoProcess> {
  const configFile = resolve(options.configFile);
  checkConfigFile(configFile);
  const binary = options.binary ?? process.env.SUMO_BINARY ?? 'sumo';
  const sumoHome = options.sumoHome ?? process.env.SUMO_HOME ?? '/usr/share/sumo';
  const env = { ...process.env, SUMO_HOME: sumoHome };
  const version = checkVersion(binary, env);
  const port = await freeLoopbackPort();
  const args = [
    '-c', configFile,
    '--remote-port', String(port),
    // Offline machines cannot fetch the XML schemas; SUMO's own parsing still checks the files.
    '--xml-validation', 'never',
    '--xml-validation.net', 'never',
    '--xml-validation.routes', 'never',
    ...(options.extraArgs ?? []),
  ];
  const child = spawn(binary, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr = new LineTail(STDERR_TAIL_LINES);
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  untilExit.add(child);

  let stopping = false;
  let closed = false;
  let settleExit: (exit: SumoExit) => void = () => {};
  const exited = new Promise<SumoExit>((settle) => (settleExit = settle));
  // 'close' rather than 'exit': by then stderr has been read to its end.
  child.once('close', (code, signal) => {
    closed = true;
    untilExit.delete(child);
    settleExit({ code, signal, expected: stopping, stderrTail: stderr.text() });
  });
  let spawnError: Error | null = null;
  child.once('error', (error: NodeJS.ErrnoException) => {
    spawnError = error.code === 'ENOENT' ? notInstalled(binary) : new Error(`SUMO could not be started: ${error.message}`);
    closed = true;
    untilExit.delete(child);
    settleExit({ code: null, signal: null, expected: stopping, stderrTail: spawnError.message });
  });
  const earlyExit = exited.then((exit): never => {
    throw spawnError ?? new Error(`SUMO exited (${describeExit(exit)}) while starting on ${configFile}${exit.stderrTail ? `: ${exit.stderrTail}` : ''}`);
  });
  const stop = async () => {
    stopping = true;
    if (closed) return;
    child.kill('SIGTERM');
    const killTimer = setTimeout(() => child.kill('SIGKILL'), options.stopTimeoutMs ?? 3000);
    await exited;
    clearTimeout(killTimer);
  };

  try {
    const startTimeoutMs = options.startTimeoutMs ?? 30_000;
    const deadline = Date.now() + startTimeoutMs;
    const socket = await Promise.race([connectWhenListening(port, deadline, () => closed), earlyExit]);
    socket.setNoDelay(true);
    const traci = new TraciClient(socket, { requestTimeoutMs: options.requestTimeoutMs });
    void exited.then(() => traci.disconnect());
    // A load error resets the connection a moment before SUMO exits; its exit says why, so wait for it.
    const answered = traci.getVersion().catch(async (error: unknown) => {
      await Promise.race([earlyExit, new Promise((wait) => setTimeout(wait, EXIT_GRACE_MS).unref())]);
      throw error;
    });
    const loaded = Promise.race([answered, earlyExit]);
    const traciVersion = await withDeadline(loaded, deadline, `SUMO did not load ${configFile} within ${startTimeoutMs} ms`);
    return {
      port,
      pid: child.pid ?? -1,
      version,
      traciVersion,
      traci,
      exited,
      stop: async () => {
        // A TraCI close ends SUMO's run as a run ends, its outputs (tripinfo, state records) written
        // in full; a signal would cut them at the last buffer. Signals remain for a SUMO that does not answer.
        stopping = true;
        const closed = traci.close().then(() => exited);
        const timeout = new Promise((settle) => setTimeout(settle, GRACEFUL_STOP_MS).unref());
        await Promise.race([closed, timeout]).catch(() => undefined);
        traci.disconnect();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function checkConfigFile(configFile: string): void {
  try {
    if (!statSync(configFile).isFile()) throw new Error('not a file');
    accessSync(configFile, fsConstants.R_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(`SUMO config ${configFile} cannot be read (${reason})`);
  }
}

/** Runs `sumo --version` and returns e.g. `1.15.0`; throws one line naming the fix. */
export function checkVersion(binary: string, env: NodeJS.ProcessEnv): string {
  const result = spawnSync(binary, ['--version'], { env, encoding: 'utf8', timeout: 10_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw notInstalled(binary);
  if (result.error) throw new Error(`SUMO (${binary}) did not answer --version: ${result.error.message}`);
  const version = parseSumoVersion(result.stdout);
  if (!version) throw new Error(`${binary} --version did not print a SUMO version; install SUMO ${MIN_SUMO_VERSION.join('.')} or newer (${INSTALL_HINT})`);
  const [major, minor] = version.split('.').map(Number) as [number, number];
  const [minMajor, minMinor] = MIN_SUMO_VERSION;
  if (major < minMajor || (major === minMajor && minor < minMinor)) {
    throw new Error(`SUMO ${version} is too old: the bridge needs ${MIN_SUMO_VERSION.join('.')} or newer (${INSTALL_HINT})`);
  }
  return version;
}

/** `Eclipse SUMO sumo Version 1.15.0` or a source build's `Version v1_15_0+0123-abc` → `1.15.0`. */
export function parseSumoVersion(versionOutput: string): string | null {
  const match = /Version v?(\d+)[._](\d+)[._](\d+)/.exec(versionOutput);
  return match ? `${match[1]}.${match[2]}.${match[3]}` : null;
}

const notInstalled = (binary: string) =>
  new Error(`SUMO is not installed (${binary} not found): ${INSTALL_HINT}, or set SUMO_BINARY`);

function describeExit(exit: SumoExit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}

async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(0, '127.0.0.1', listening);
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((closed) => server.close(() => closed()));
  return port;
}

/** Connects as soon as SUMO listens (it loads the network first), giving up when it has exited or the time is up. */
async function connectWhenListening(port: number, deadline: number, hasExited: () => boolean): Promise<Socket> {
  for (;;) {
    const socket = await tryConnect(port);
    if (socket) return socket;
    if (hasExited()) throw new Error('SUMO exited');
    if (Date.now() > deadline) throw new Error(`SUMO did not accept TraCI on 127.0.0.1:${port} in time`);
    await new Promise((wait) => setTimeout(wait, CONNECT_RETRY_MS));
  }
}

async function withDeadline<T>(promise: Promise<T>, deadline: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

function tryConnect(port: number): Promise<Socket | null> {
  return new Promise((settle) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      settle(socket);
    });
    socket.once('error', () => {
      socket.destroy();
      settle(null);
    });
  });
}

/** Keeps the last lines of a stream, for error messages. */
class LineTail {
  private lines: string[] = [];
  private partial = '';

  constructor(private readonly keep: number) {}

  push(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts.map((line) => line.trim()).filter(Boolean));
    if (this.lines.length > this.keep) this.lines = this.lines.slice(-this.keep);
  }

  text(): string {
    return [...this.lines, this.partial.trim()].filter(Boolean).slice(-this.keep).join(' | ');
  }
}

/**
 * Children still running; killed if the bridge exits without stopping them.
 * A bridge killed outright cannot run this, but then its socket closes and
 * SUMO ends the run by itself.
 */
const untilExit = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of untilExit) child.kill('SIGKILL');
});
