import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WALL_LAYOUT } from '../../backend-bridge/protocol/wall-layout';
import { loadWallLayoutFile } from './wall-layout-file';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citybrain-wall-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadWallLayoutFile', () => {
  it('gives the built-in one-screen layout when no file is named', async () => {
    await expect(loadWallLayoutFile(null)).resolves.toBe(DEFAULT_WALL_LAYOUT);
  });

  it('reads an example layout', async () => {
    const file = new URL('../../assets/wall/wall-2x3.json', import.meta.url).pathname;
    expect((await loadWallLayoutFile(file)).screens).toHaveLength(6);
  });

  it('names the file when it cannot be read', async () => {
    const file = join(dir, 'missing.json');
    await expect(loadWallLayoutFile(file)).rejects.toThrow(`cannot read the wall layout ${file}: ENOENT`);
  });

  it('names the file and the field when the layout is wrong', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ version: 1, screens: [{ id: 'a', name: 'A', display: { index: 0 }, grid: { columns: 1, rows: 1 }, panels: [{ kind: 'map', column: 0, row: 0 }] }] }));
    await expect(loadWallLayoutFile(file)).rejects.toThrow(`the wall layout is wrong: ${file}.screens[0].panels[0].kind: expected one of`);
  });
});
