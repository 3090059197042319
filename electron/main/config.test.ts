import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDesktopConfig } from './config';
import { DEFAULT_DESKTOP_CONFIG } from './config-plan';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citybrain-config-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('loadDesktopConfig', () => {
  it('gives the default demo config when no file is named', async () => {
    await expect(loadDesktopConfig(undefined)).resolves.toBe(DEFAULT_DESKTOP_CONFIG);
  });

  it('reads and validates a config file', async () => {
    const path = await fileWith('cockpit.json', JSON.stringify({ windows: [{ display: 1, route: 'cockpit' }] }));
    await expect(loadDesktopConfig(path)).resolves.toEqual({
      bridge: { mode: 'demo' },
      wall: null,
      windows: [{ display: 1, route: 'cockpit' }],
    });
  });

  it("resolves a relative wall layout file against the config file's folder", async () => {
    const path = await fileWith('wall.json', JSON.stringify({ wall: { layoutFile: 'layouts/wall-2x3.json' } }));
    const config = await loadDesktopConfig(path);
    expect(config.wall).toEqual({ layoutFile: join(dir, 'layouts', 'wall-2x3.json') });
  });

  it('keeps an absolute wall layout file and the built-in layout as they are', async () => {
    const absolute = await fileWith('absolute.json', JSON.stringify({ wall: { layoutFile: '/etc/citybrain/wall.json' } }));
    expect((await loadDesktopConfig(absolute)).wall).toEqual({ layoutFile: '/etc/citybrain/wall.json' });
    const builtIn = await fileWith('built-in.json', JSON.stringify({ wall: {} }));
    expect((await loadDesktopConfig(builtIn)).wall).toEqual({ layoutFile: null });
  });

  it('names the file when it cannot be read', async () => {
    const path = join(dir, 'missing.json');
    await expect(loadDesktopConfig(path)).rejects.toThrow(`cannot read the desktop config ${path}: ENOENT`);
  });

  it('names the file when it is not JSON', async () => {
    const path = await fileWith('broken.json', '{ "windows": [ }');
    await expect(loadDesktopConfig(path)).rejects.toThrow(`the desktop config ${path} is not valid JSON`);
  });

  it('names the file and the field when a value is wrong', async () => {
    const path = await fileWith('bad.json', JSON.stringify({ windows: [{ route: 'lobby' }] }));
    await expect(loadDesktopConfig(path)).rejects.toThrow(
      `the desktop config ${path} is wrong: config.windows[0].route: expected one of console, cockpit, got "lobby"`,
    );
  });
});
