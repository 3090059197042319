import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpRoute, sendJson } from '../core/http-route';
import type { Logger } from '../core/log';
import { createHttpHandler } from './http-handler';

const rendererDir = mkdtempSync(join(tmpdir(), 'citybrain-router-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');

const errors: string[] = [];
const log: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: (message) => errors.push(message) };

const routes: HttpRoute[] = [
  { method: 'POST', path: '/api/echo', handler: (_request, response) => sendJson(response, 201, { ok: true }) },
  { method: 'GET', path: '/api/cameras/:cameraId', handler: (_request, response, params) => sendJson(response, 200, { cameraId: params.cameraId }) },
  {
    method: 'GET',
    path: '/api/broken',
    handler: async () => {
      throw new Error('boom');
    },
  },
];

function serverWith(dir: string | null) {
  return createServer(createHttpHandler({ rendererDir: dir, bodies: new Map(), etag: 'v1', health: () => ({ status: 'ok' }), routes, tilesDir: null, log }));
}

describe('the bridge router', () => {
  const withRenderer = serverWith(rendererDir);
  const dataOnly = serverWith(null);
  let origin = '';
  let dataOnlyOrigin = '';
  beforeAll(async () => {
    const listen = async (server: ReturnType<typeof serverWith>) => {
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    };
    origin = await listen(withRenderer);
    dataOnlyOrigin = await listen(dataOnly);
  });
  afterAll(() => {
    withRenderer.close();
    dataOnly.close();
  });

  it('answers a feature route by its method and path, with its pattern parameters', async () => {
    expect((await fetch(`${origin}/api/echo`, { method: 'POST' })).status).toBe(201);
    expect(await (await fetch(`${origin}/api/cameras/c7`)).json()).toEqual({ cameraId: 'c7' });
    expect((await fetch(`${origin}/api/health`)).status).toBe(200);
  });

  it('answers 405 naming the allowed methods on a path known for others', async () => {
    const get = await fetch(`${origin}/api/echo`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await get.json()).toEqual({ error: 'method GET is not allowed on /api/echo' });
    const post = await fetch(`${origin}/api/health`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${origin}/index.html`, { method: 'DELETE' })).headers.get('allow')).toBe('GET, HEAD');
  });

  it('puts the security headers on every answer, the page policy on pages only', async () => {
    for (const response of [await fetch(`${origin}/api/health`), await fetch(`${origin}/nothing`), await fetch(`${origin}/`)]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect((await fetch(`${origin}/`)).headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${origin}/api/health`)).headers.get('content-security-policy')).toBeNull();
  });

  it('answers 404 in JSON for unknown API paths, missing files and a bridge without a renderer', async () => {
    expect(await (await fetch(`${origin}/api/nothing`)).json()).toEqual({ error: 'no such resource: /api/nothing' });
    expect(await (await fetch(`${origin}/missing.js`)).json()).toEqual({ error: 'no such file: /missing.js' });
    const noRenderer = await fetch(`${dataOnlyOrigin}/`);
    expect(noRenderer.status).toBe(404);
    expect(await noRenderer.json()).toEqual({ error: 'this bridge serves no renderer (started without one)' });
  });

  it('answers 500 to a handler that fails, logs it, and keeps serving', async () => {
    const response = await fetch(`${origin}/api/broken`);
    expect(response.status).toBe(500);
    expect(errors.at(-1)).toContain('GET /api/broken failed: Error: boom');
    expect((await fetch(`${origin}/api/health`)).status).toBe(200);
  });
});
