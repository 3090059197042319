/**
 * Guards the packaging config against drift from package.json. The YAML is
 * read with a line match, not a parser: the project has no YAML dependency and
 * these keys are plain top-level scalars.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const builderYml = readFileSync(new URL('electron-builder.yml', root), 'utf8');
const packageJson = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  main: string;
  optionalDependencies?: Record<string, string>;
};

const lockedElectron = (
  JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
    packages: Record<string, { version?: string } | undefined>;
  }
).packages['node_modules/electron']?.version;

/** The value of a top-level `key: value` line, without quotes. */
function topLevelScalar(key: string): string | undefined {
  const line = builderYml.split(/\r?\n/).find((candidate) => candidate.startsWith(`${key}:`));
  return line?.slice(key.length + 1).trim().replace(/^(["'])(.*)\1$/, '$2');
}

describe('electron-builder.yml', () => {
  it("pins electronVersion to package.json's electron version", () => {
    const range = packageJson.optionalDependencies?.electron;
    expect(range, 'package.json optionalDependencies.electron').toMatch(/^[\^~]?\d+\.\d+\.\d+$/);
    expect(topLevelScalar('electronVersion')).toBe(range!.replace(/^[\^~]/, ''));
  });

  it('packages the same Electron that npm installs for development', () => {
    expect(topLevelScalar('electronVersion')).toBe(lockedElectron);
  });

  it('names the app', () => {
    expect(topLevelScalar('appId')).toBe('com.citybrain.dashboard');
    expect(topLevelScalar('productName')).toBe('City Brain');
  });

  it("packs the file package.json's main points at", () => {
    expect(packageJson.main).toBe('dist/electron/main.js');
    expect(builderYml).toMatch(/^ {2}- dist\/electron\/\*\*$/m);
  });

  it('packs the example wall layouts', () => {
    const packed = builderYml.match(/^ {2}- (assets\/\*\*|assets\/wall\/\*\*)$/m);
    expect(packed, 'files: must list assets/** or assets/wall/**').not.toBeNull();
    expect(builderYml).not.toMatch(/^ {2}- "?!assets\/wall/m);
  });
});
