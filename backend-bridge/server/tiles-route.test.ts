import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../core/log';
import { createHttpHandler } from './http-handler';

const tilesDir = mkdtempSync(join(tmpdir(), 'citybrain-tiles-'));
mkdirSync(join(tilesDir, 'tiles'));
writeFileSync(join(tilesDir, 'tileset.json'), JSON.stringify({ asset: { version: '1.1' }, root: {} }));
writeFileSync(join(tilesDir, 'tiles', '0.glb'), Buffer.from([0x67, 0x6c, 0x54, 0x46]));

function serverWith(dir: string | null) {
  return createServer(
    createHttpHandler({ rendererDir: null, bodies: new Map(), etag: 'v1', health: () => ({}), routes: [], tilesDir: dir, log: createLogger('tiles-test') }),
  );
}

describe('the /city/tiles/ route', () => {
  const withTiles = serverWith(tilesDir);
  const withoutTiles = serverWith(null);
  const origins: string[] = [];
  beforeAll(async () => {
    for (const server of [withTiles, withoutTiles]) {
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      origins.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }
  });
  afterAll(() => {
    withTiles.close();
    withoutTiles.close();
  });

  it('serves the tileset and the tiles it names, relative to its directory', async () => {
    const tileset = await fetch(`${origins[0]}/city/tiles/tileset.json`);
    expect(tileset.status).toBe(200);
    expect(await tileset.json()).toMatchObject({ asset: { version: '1.1' } });
    const tile = await fetch(`${origins[0]}/city/tiles/tiles/0.glb`);
    expect(tile.status).toBe(200);
    expect(new Uint8Array(await tile.arrayBuffer())).toEqual(new Uint8Array([0x67, 0x6c, 0x54, 0x46]));
  });

  it('answers 404 in JSON for a missing tile, an escape attempt, or a city without tiles', async () => {
    for (const url of [`${origins[0]}/city/tiles/tiles/9.glb`, `${origins[0]}/city/tiles/tiles%2f..%2f..%2f..%2fetc/passwd`, `${origins[1]}/city/tiles/tileset.json`]) {
      const response = await fetch(url);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: expect.stringContaining('no such resource') });
    }
  });
});
