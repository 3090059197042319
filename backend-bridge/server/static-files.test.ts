import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHiddenPath, staticFiles } from './static-files';

const root = mkdtempSync(join(tmpdir(), 'citybrain-static-'));
mkdirSync(join(root, 'assets'));
mkdirSync(join(root, 'wall'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
writeFileSync(join(root, 'wall', 'index.html'), '<!doctype html><title>wall</title>');
writeFileSync(join(root, 'assets', 'app-1234.js'), 'export {}');
writeFileSync(join(root, '.env'), 'SECRET=1');

describe('isHiddenPath', () => {
  it('lets ordinary paths through, with or without a query', () => {
    expect(isHiddenPath('/assets/app-1234.js')).toBe(false);
    expect(isHiddenPath('/index.html?v=2')).toBe(false);
  });

  it('hides plain and percent-encoded traversal, dotfiles, NUL bytes and undecodable paths', () => {
    expect(isHiddenPath('/../etc/passwd')).toBe(true);
    expect(isHiddenPath('/%2e%2e/%2e%2e/etc/passwd')).toBe(true);
    expect(isHiddenPath('/assets/..%2f..%2f..%2fetc/passwd')).toBe(true);
    expect(isHiddenPath('/assets/..%5c..%5cetc/passwd')).toBe(true);
    expect(isHiddenPath('/.env')).toBe(true);
    expect(isHiddenPath('/a%00b')).toBe(true);
    expect(isHiddenPath('/%E0%A4%A')).toBe(true);
  });
});

describe('staticFiles', () => {
  let origin = '';
  const serve = staticFiles(root, { immutablePrefix: '/assets/' });
  const server = createServer((request, response) => serve(request, response, () => response.writeHead(404).end()));
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves index.html for / and for a directory, with a Content-Security-Policy', async () => {
    for (const path of ['/', '/wall/']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html; ?charset=utf-8$/);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('gives scripts their type and no page policy', async () => {
    const response = await fetch(`${origin}/assets/app-1234.js`);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it('marks hashed assets immutable and the page revalidated', async () => {
    expect((await fetch(`${origin}/assets/app-1234.js`)).headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${origin}/index.html`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('serves a file written after it started', async () => {
    writeFileSync(join(root, 'late.txt'), 'late');
    expect(await (await fetch(`${origin}/late.txt`)).text()).toBe('late');
  });

  it('does not serve dotfiles, missing files, or anything outside the root', async () => {
    expect((await fetch(`${origin}/.env`)).status).toBe(404);
    expect((await fetch(`${origin}/missing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/assets/..%2f.env`)).status).toBe(404);
  });
});
