import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInside, serveStatic } from './static-files';

const root = mkdtempSync(join(tmpdir(), 'citybrain-static-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
writeFileSync(join(root, 'assets', 'app-1234.js'), 'export {}');
writeFileSync(join(root, '.env'), 'SECRET=1');

describe('resolveInside', () => {
  it('keeps paths inside the root', () => {
    expect(resolveInside(root, '/assets/app-1234.js')).toBe(join(root, 'assets', 'app-1234.js'));
  });

  it('clamps plain and percent-encoded traversal to the root', () => {
    expect(resolveInside(root, '/../etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(resolveInside(root, '/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(resolveInside(root, '/assets/..%2f..%2f..%2fetc/passwd')).toBe(join(root, 'etc', 'passwd'));
  });

  it('refuses NUL bytes, dotfiles and undecodable paths', () => {
    expect(resolveInside(root, '/a%00b')).toBeNull();
    expect(resolveInside(root, '/.env')).toBeNull();
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull();
  });
});

describe('serveStatic', () => {
  let origin = '';
  const server = createServer((request, response) => {
    void serveStatic(root, new URL(request.url!, 'http://x').pathname, request, response).then((served) => {
      if (!served) response.writeHead(404).end();
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves index.html for / with a Content-Security-Policy', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('marks hashed assets immutable and the page revalidated', async () => {
    expect((await fetch(`${origin}/assets/app-1234.js`)).headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${origin}/index.html`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('does not serve dotfiles or missing files', async () => {
    expect((await fetch(`${origin}/.env`)).status).toBe(404);
    expect((await fetch(`${origin}/missing.js`)).status).toBe(404);
  });
});
