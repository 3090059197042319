/**
 * alert_latency_p99_ms: from a CAP message being posted to the bridge to
 * the alert arriving at each of 20 connected clients, at 200 alerts/s, with
 * the demo city's traffic simulation running and alerts stored on disk.
 * Bridge and clients share this process (loopback only), so the figure
 * includes the clients' own work: an upper bound.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { capXml, latLonOf } from '../backend-bridge/alerts/cap/cap.fixture';
import { generateDemoCity } from '../backend-bridge/city/demo-city';
import { PROTOCOL_VERSION, SUBPROTOCOL, WS_PATH } from '../backend-bridge/protocol';
import { TokenRegistry, issueDemoTokens } from '../backend-bridge/auth/token-registry';
import { BRIDGE_DEFAULTS } from '../backend-bridge/core/bridge-options';
import { startBridge } from '../backend-bridge/app/start-bridge';
import { CAP_PATH } from '../backend-bridge/alerts/cap/cap-endpoint';
import { SimulatorSource } from '../backend-bridge/sources/simulator/simulator-source';

export interface AlertLatencyOptions {
  /** Connected clients. @default 20 */
  clients?: number;
  /** CAP messages posted per second. @default 200 */
  ratePerS?: number;
  /** How long alerts are posted, s; the first second is warm-up and not counted. @default 10 */
  durationS?: number;
}

/** Posts one CAP message on a kept-alive connection; resolves when the bridge answered 201. */
function postCap(agent: Agent, url: URL, token: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const post = request(
      url,
      { method: 'POST', agent, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/cap+xml', 'Content-Length': Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => (response.statusCode === 201 ? resolve() : reject(new Error(`CAP post answered ${response.statusCode}: ${Buffer.concat(chunks).toString()}`))));
      },
    );
    post.on('error', reject);
    post.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Every (alert, client) latency in ms, sorted; the caller reports the p99. */
async function measureAlertLatencyMs(options: AlertLatencyOptions = {}): Promise<number[]> {
  const { clients: clientCount = 20, ratePerS = 200, durationS = 10 } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'citybrain-bench-latency-'));
  const city = generateDemoCity();
  const registry = new TokenRegistry();
  const tokens = issueDemoTokens(registry);
  const bridge = await startBridge({
    ...BRIDGE_DEFAULTS,
    port: 0,
    rendererDir: null,
    city,
    tokens: registry,
    source: new SimulatorSource(city, { sim: { seed: city.meta.seed ?? 0 } }),
    dataDir,
  });
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const warmUpEnds = performance.now() + 1000;
  const sockets: WebSocket[] = [];
  // node:http rather than fetch: the poster shares this process with the bridge, so it should cost little.
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  try {
    for (let i = 0; i < clientCount; i++) {
      const socket = new WebSocket(`${bridge.origin.replace(/^http/, 'ws')}${WS_PATH}`, [SUBPROTOCOL]);
      sockets.push(socket);
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      socket.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, token: tokens.viewer, client: `bench-${i}` }));
      socket.on('message', (data: Buffer, isBinary) => {
        if (isBinary) return;
        const message = JSON.parse(String(data)) as { type: string; alert?: { cap?: { identifier: string } } };
        const identifier = message.type === 'alert-event' ? message.alert?.cap?.identifier : undefined;
        const start = identifier === undefined ? undefined : sentAt.get(identifier);
        if (start !== undefined && start >= warmUpEnds) latencies.push(performance.now() - start);
      });
    }
    const total = ratePerS * durationS;
    const startMs = performance.now();
    const posts: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const dueMs = startMs + (i * 1000) / ratePerS;
      const waitMs = dueMs - performance.now();
      if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
      const identifier = `bench-${i}`;
      const body = capXml({ identifier, area: `<area><areaDesc>Centre</areaDesc><circle>${latLonOf(city.meta.origin, (i % 50) * 20, 300)} 0.05</circle></area>` });
      sentAt.set(identifier, performance.now());
      posts.push(postCap(agent, new URL(CAP_PATH, bridge.origin), tokens.operator, body));
    }
    await Promise.all(posts);
    const expected = [...sentAt.values()].filter((start) => start >= warmUpEnds).length * clientCount;
    // Bounded wait for the last events to arrive, checking the count rather than sleeping a guess.
    for (let tries = 0; latencies.length < expected && tries < 500; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    if (latencies.length < expected) throw new Error(`only ${latencies.length} of ${expected} alert deliveries arrived`);
    return latencies.sort((a, b) => a - b);
  } finally {
    agent.destroy();
    sockets.forEach((socket) => socket.terminate());
    await bridge.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** alert_latency_p99_ms with the issue's figures: 20 clients, 200 alerts/s. */
export async function measureAlertLatencyP99Ms(options: AlertLatencyOptions = {}): Promise<number> {
  return percentile(await measureAlertLatencyMs(options), 99);
}
