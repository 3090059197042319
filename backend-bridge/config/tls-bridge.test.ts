import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROTOCOL_VERSION, SUBPROTOCOL, WS_PATH } from '../protocol';
import { BRIDGE_DEFAULTS } from '../core/bridge-options';
import { type RunningBridge, startBridge } from '../app/start-bridge';
import { ScriptedSource } from '../sources/scripted-source.fixture';
import { tinyCity } from '../city/tiny-city.fixture';
import { readPem } from './read-pem';
import { setUpTokens } from './token-setup';
import { hashToken } from '../auth/token-registry';

const dir = mkdtempSync(join(tmpdir(), 'citybrain-tls-'));
const certFile = join(dir, 'cert.pem');
const keyFile = join(dir, 'key.pem');
let bridge: RunningBridge;
let certPem: string;

beforeAll(async () => {
  // A self-signed certificate for 127.0.0.1, made fresh for this test.
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
    '-keyout', keyFile, '-out', certFile, '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' });
  certPem = readPem(certFile, 'bridge.tls.certFile');
  const { registry } = setUpTokens([{ role: 'operator', sha256: hashToken('op-token') }]);
  bridge = await startBridge(
    { ...BRIDGE_DEFAULTS, port: 0, rendererDir: null, city: tinyCity(), tokens: registry, source: new ScriptedSource(['l1', 'l2']) },
    { certPem, keyPem: readPem(keyFile, 'bridge.tls.keyFile') },
  );
});
afterAll(async () => {
  await bridge?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the bridge with a TLS certificate', () => {
  it('serves https on its port', async () => {
    expect(bridge.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<string>((resolve, reject) => {
      get(`${bridge.origin}/api/health`, { ca: certPem }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve(text));
      }).on('error', reject);
    });
    expect(JSON.parse(body)).toMatchObject({ status: 'ok', source: 'scripted' });
  });

  it('serves wss on the same port, where a configured token’s role holds', async () => {
    const socket = new WebSocket(`${bridge.origin.replace(/^https/, 'wss')}${WS_PATH}`, [SUBPROTOCOL], { ca: certPem });
    const welcome = new Promise<unknown>((resolve) => socket.once('message', (data: Buffer) => resolve(JSON.parse(String(data)))));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, token: 'op-token' }));
    expect(await welcome).toMatchObject({ type: 'welcome', role: 'operator' });
    socket.close();
  });

  it('refuses a plain http client', async () => {
    const plain = bridge.origin.replace(/^https/, 'http');
    await expect(fetch(`${plain}/api/health`)).rejects.toThrow();
  });
});

describe('certificates and tokens from the config', () => {
  it('names the file and the setting of a certificate that is not PEM or is missing', () => {
    const notPem = join(dir, 'not.pem');
    writeFileSync(notPem, 'hello');
    expect(() => readPem(notPem, 'bridge.tls.keyFile')).toThrow(`bridge.tls.keyFile: ${notPem} is not a PEM file (no -----BEGIN line)`);
    expect(() => readPem(join(dir, 'none.pem'), 'bridge.tls.certFile')).toThrow(`bridge.tls.certFile: cannot read ${join(dir, 'none.pem')}`);
  });

  it('runs in demo mode (issuing its own links) only when the config lists no tokens', () => {
    expect(setUpTokens([]).demo).toBe(true);
    const configured = setUpTokens([{ role: 'viewer', sha256: hashToken('v').toUpperCase() }]);
    expect(configured.demo).toBe(false);
    expect(configured.registry.check('v')).toMatchObject({ ok: true, role: 'viewer', credential: { source: 'config' } });
    expect(configured.registry.check('op-token')).toMatchObject({ ok: false });
  });

  it('refuses one token listed under two roles', () => {
    const sha256 = hashToken('same');
    expect(() => setUpTokens([{ role: 'viewer', sha256 }, { role: 'admin', sha256 }])).toThrow(
      `tokens[1]: the token hashed ${sha256.slice(0, 8)}… is listed as both viewer and admin`,
    );
  });
});
