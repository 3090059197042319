/**
 * Never lost, across a crash: the real bridge process (backend-bridge/main.ts
 * under tsx) streams alerts under load — the demo generator at a high rate
 * and CAP messages posted as fast as the bridge takes them — and is killed
 * with SIGKILL mid-stream, then restarted on the same data directory and
 * port. A client connected throughout, reconnecting by itself, ends with
 * every sequence number exactly once, and every CAP message that got a 201
 * is there.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { capXml, latLonOf } from '../alerts/cap/cap.fixture';
import { DATABASE_FILE_NAME } from '../store/database';
import { ResumingAlertClient, exactlyOnceProblem } from '../alerts/alert-client.fixture';
import { CAP_PATH } from '../alerts/cap/cap-endpoint';
import type { ParentMessage } from './parent-channel';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
/** The demo city's origin: CAP areas are placed a little off it, inside the city. */
const ORIGIN = { latDeg: 30.26, lonDeg: 120.19 };
const POSTERS = 6;

const dirs: string[] = [];
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'citybrain-crash-'));
  dirs.push(dir);
  return dir;
}

interface Running {
  child: ChildProcess;
  origin: string;
  port: number;
  operatorToken: string;
  exited: Promise<number | null>;
}

/** Starts main.ts as a child with an IPC channel; resolves on its ready message, rejects on its failure message. */
function spawnBridge(args: string[]): Promise<Running> {
  const child = fork(MAIN, ['--no-renderer', ...args], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => (children.delete(child), resolve(code))));
  return new Promise((resolve, reject) => {
    child.once('message', (message: ParentMessage) => {
      if (message.type === 'bridge-ready') {
        resolve({ child, origin: message.origin, port: message.port, operatorToken: message.tokens.operator, exited });
      } else reject(new Error(message.reason));
    });
    void exited.then((code) => reject(new Error(`bridge exited with ${code} before it was ready: ${stderr}`)));
  });
}

/** Posts CAP messages back to back until stopped, waiting out the bridge's downtime; records what got 201. */
class CapPoster {
  readonly accepted = new Map<string, string>();
  failures = 0;
  private stopped = false;
  private count = 0;

  constructor(
    private readonly name: string,
    private readonly target: () => Promise<Running>,
  ) {}

  async run(): Promise<void> {
    while (!this.stopped) {
      const bridge = await this.target();
      const identifier = `${this.name}-${++this.count}`;
      const area = `<area><areaDesc>Centre</areaDesc><circle>${latLonOf(ORIGIN, (this.count % 40) * 20, 100)} 0.05</circle></area>`;
      try {
        const response = await fetch(`${bridge.origin}${CAP_PATH}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${bridge.operatorToken}`, 'Content-Type': 'application/cap+xml' },
          body: capXml({ identifier, area }),
        });
        const body = (await response.json()) as { id?: string };
        if (response.status === 201 && body.id) this.accepted.set(identifier, body.id);
      } catch {
        // Killed mid-request: no 201, so no promise was made about this one.
        this.failures++;
      }
    }
  }

  stop(): void {
    this.stopped = true;
  }
}

describe('the bridge process killed mid-stream', () => {
  it('loses nothing: a resuming client gets every sequence number once, and every CAP message answered 201 is stored', async () => {
    const dataDir = tempDir();
    const flags = ['--data-dir', dataDir, '--alert-rate', '36000', '--escalate-after-s', '1'];
    let current = spawnBridge(['--port', '0', ...flags]);
    const first = await current;
    const client = new ResumingAlertClient({ origin: first.origin, reconnectDelayMs: 20, maxFailedAttempts: 3000 });
    await client.start();
    const posters = Array.from({ length: POSTERS }, (_, i) => new CapPoster(`crash-${i}`, () => current));
    const posting = Promise.all(posters.map((poster) => poster.run()));
    const accepted = () => posters.reduce((sum, poster) => sum + poster.accepted.size, 0);

    // Mid-stream: alerts flowing from both sources, CAP requests in flight.
    await client.waitFor(() => client.appliedSeqs.length >= 400 && accepted() >= 100, 'alerts flowing before the kill', 30_000);
    let restarted!: (running: Promise<Running>) => void;
    current = new Promise((resolve) => (restarted = (running) => void running.then(resolve)));
    first.child.kill('SIGKILL');
    await first.exited;
    const seqAtKill = client.state.lastSeq;
    const second = spawnBridge(['--port', String(first.port), ...flags]);
    restarted(second);
    await second;

    await client.waitFor(() => client.state.lastSeq >= seqAtKill + 400, 'alerts flowing after the restart', 30_000);
    posters.forEach((poster) => poster.stop());
    await posting;
    const head = ((await (await fetch(`${(await second).origin}/api/health`)).json()) as { alerts: { lastSeq: number } }).alerts.lastSeq;
    await client.waitFor(() => client.state.lastSeq >= head, 'every alert stored before the posters stopped', 30_000);
    client.stop();
    const lastSeq = client.state.lastSeq;
    (await second).child.kill('SIGTERM');
    await (await second).exited;

    expect(client.connections).toBeGreaterThanOrEqual(2);
    expect(client.snapshotSeqs).toHaveLength(1);
    expect(exactlyOnceProblem(client.appliedSeqs, client.snapshotSeqs[0]! + 1, lastSeq)).toBe('');
    expect(client.gaps).toBe(0);

    const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
    try {
      const stored = db.prepare<[], { first: number; last: number; count: number }>('SELECT min(seq) AS first, max(seq) AS last, count(*) AS count FROM alert_events').get()!;
      expect(stored).toEqual({ first: 1, last: stored.count, count: stored.count });
      const alertIds = db.prepare<[number], string>('SELECT DISTINCT alert_id FROM alert_events WHERE seq <= ?').pluck().all(lastSeq);
      expect(client.state.alerts.size).toBe(alertIds.length);
      const storedCap = new Set(db.prepare<[], string>("SELECT cap_identifier FROM alerts WHERE cap_identifier IS NOT NULL").pluck().all());
      for (const poster of posters) {
        for (const [identifier, id] of poster.accepted) {
          expect(storedCap.has(identifier), `CAP ${identifier} answered 201`).toBe(true);
          expect(client.state.alerts.has(id), `CAP alert ${id} reached the client`).toBe(true);
        }
      }
    } finally {
      db.close();
    }
  }, 120_000);

  it('refuses to start on a damaged database, naming the file', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, DATABASE_FILE_NAME), 'not a database '.repeat(500));
    await expect(spawnBridge(['--port', '0', '--data-dir', dataDir])).rejects.toThrow(`cannot use the database ${join(dataDir, DATABASE_FILE_NAME)}: file is not a database`);
  }, 60_000);
});
