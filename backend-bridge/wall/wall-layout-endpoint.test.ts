import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WALL_LAYOUT } from '../protocol/wall-layout';
import { loadWallLayout } from './wall-layout-endpoint';

const dir = mkdtempSync(join(tmpdir(), 'wall-layout-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('loadWallLayout', () => {
  it('uses the built-in one-screen layout when no file is configured', () => {
    expect(loadWallLayout(null)).toBe(DEFAULT_WALL_LAYOUT);
  });

  it('reads a valid file and fills in its defaults', () => {
    const { pushHoldS, softRefresh, ...fileLayout } = DEFAULT_WALL_LAYOUT;
    const layout = loadWallLayout(write('ok.json', JSON.stringify(fileLayout)));
    expect(layout.pushHoldS).toBe(pushHoldS);
    expect(layout.softRefresh).toEqual(softRefresh);
    expect(layout.screens).toEqual(DEFAULT_WALL_LAYOUT.screens);
  });

  it('names the file and the field of a bad layout', () => {
    const bad = structuredClone(DEFAULT_WALL_LAYOUT) as unknown as { screens: { grid: { rows: number } }[] };
    bad.screens[0]!.grid.rows = 0;
    const file = write('bad.json', JSON.stringify(bad));
    expect(() => loadWallLayout(file)).toThrow(`${file}.screens[0].grid.rows`);
  });

  it('names a file that cannot be read', () => {
    const missing = join(dir, 'missing.json');
    expect(() => loadWallLayout(missing)).toThrow(`cannot read the wall layout ${missing}`);
  });
});
