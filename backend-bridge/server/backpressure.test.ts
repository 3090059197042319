import type { Socket } from 'node:net';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../protocol';
import { TokenRegistry } from '../auth/token-registry';
import { BRIDGE_DEFAULTS } from '../core/bridge-options';
import { type RunningBridge, startBridge } from '../app/start-bridge';
import { ScriptedSource } from '../sources/scripted-source.fixture';
import { type TestClient, nextOfType, openTestClient } from '../app/test-client.fixture';
import { tinyCity } from '../city/tiny-city.fixture';

/** As many links as the demo city, so frames are full size (~15 kB). */
const LINKS = 3000;
const MAX_BUFFERED_BYTES = 256 * 1024;
const FRAMES = 1500;

const source = new ScriptedSource(Array.from({ length: LINKS }, (_, i) => `l${i}`));
let bridge: RunningBridge;

beforeAll(async () => {
  bridge = await startBridge({
    ...BRIDGE_DEFAULTS,
    port: 0,
    rendererDir: null,
    city: tinyCity(),
    tokens: new TokenRegistry(),
    source,
    maxBufferedTrafficBytes: MAX_BUFFERED_BYTES,
  });
});
afterAll(() => bridge.close());

async function viewer(): Promise<TestClient> {
  const client = await openTestClient(bridge.origin);
  client.sendJson({ type: 'hello', protocol: PROTOCOL_VERSION });
  await nextOfType(client, 'welcome');
  return client;
}

describe('a client that stops reading', () => {
  it('has traffic frames skipped instead of queued, is told how many, and does not hold the others back', async () => {
    const slow = await viewer();
    const fast = await viewer();
    let fastFrames = 0;
    fast.socket.on('message', (_data, isBinary) => {
      if (isBinary) fastFrames++;
    });
    // Stop reading at the TCP level: the OS buffers fill, then the bridge's socket backlog grows.
    (Reflect.get(slow.socket, '_socket') as Socket).pause();

    let peakBufferedBytes = 0;
    for (let i = 0; i < FRAMES; i++) {
      source.emitTraffic(i * 250, 30);
      peakBufferedBytes = Math.max(peakBufferedBytes, bridge.clients.bufferedBytes);
      if (i % 10 === 0) await yieldToIo();
    }
    const dropped = bridge.clients.droppedTrafficFrames;
    expect(dropped).toBeGreaterThan(0);
    // Bounded: at most the limit plus one frame per client, however many frames were pushed.
    expect(peakBufferedBytes).toBeLessThan(2 * (MAX_BUFFERED_BYTES + 16 * 1024));

    (Reflect.get(slow.socket, '_socket') as Socket).resume();
    source.emitArea(FRAMES * 250, 1.2);
    const status = await nextOfType(slow, 'stream-status');
    expect(status.droppedTrafficFrames).toBeGreaterThan(0);
    await expect.poll(() => fastFrames, { timeout: 10_000 }).toBeGreaterThan(FRAMES / 2);
    slow.socket.close();
    fast.socket.close();
  });
});
