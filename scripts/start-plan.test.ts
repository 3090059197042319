import { describe, expect, it, vi } from 'vitest';
import {
  MISSING_ELECTRON_MESSAGE,
  type StartEffects,
  electronPathFrom,
  exitCodeOf,
  npmRunBuild,
  startApp,
} from './start-plan';

/** Effects whose Electron lookups answer `found` in turn, with the given build and Electron exit codes. */
function effects(found: Array<string | undefined>, { buildCode = 0, electronCode = 0 } = {}) {
  const lookups = [...found];
  return {
    findElectron: vi.fn(() => lookups.shift()),
    installElectron: vi.fn(() => Promise.resolve()),
    build: vi.fn(() => Promise.resolve(buildCode)),
    launch: vi.fn((_electronPath: string, _args: string[]) => Promise.resolve(electronCode)),
    printError: vi.fn((_line: string) => undefined),
  } satisfies StartEffects;
}

describe('startApp', () => {
  it('prints exactly one line and exits 1 when the binary stays missing after one install try', async () => {
    const run = effects([undefined, undefined]);
    await expect(startApp(run, [])).resolves.toBe(1);
    expect(run.installElectron).toHaveBeenCalledTimes(1);
    expect(run.printError.mock.calls).toEqual([[MISSING_ELECTRON_MESSAGE]]);
    expect(run.build).not.toHaveBeenCalled();
    expect(run.launch).not.toHaveBeenCalled();
  });

  it('builds and launches when the install try brings the binary', async () => {
    const run = effects([undefined, '/e/electron']);
    await expect(startApp(run, [])).resolves.toBe(0);
    expect(run.launch).toHaveBeenCalledWith('/e/electron', ['.']);
    expect(run.printError).not.toHaveBeenCalled();
  });

  it('does not try to install a binary that is present, and passes extra arguments to the app', async () => {
    const run = effects(['/e/electron']);
    await startApp(run, ['--config', 'wall.json']);
    expect(run.installElectron).not.toHaveBeenCalled();
    expect(run.build.mock.invocationCallOrder[0]).toBeLessThan(run.launch.mock.invocationCallOrder[0]!);
    expect(run.launch).toHaveBeenCalledWith('/e/electron', ['.', '--config', 'wall.json']);
  });

  it("stops with the build's exit code when the build fails", async () => {
    const run = effects(['/e/electron'], { buildCode: 2 });
    await expect(startApp(run, [])).resolves.toBe(2);
    expect(run.launch).not.toHaveBeenCalled();
  });

  it("passes Electron's exit code on", async () => {
    const run = effects(['/e/electron'], { electronCode: 3 });
    await expect(startApp(run, [])).resolves.toBe(3);
  });
});

describe('MISSING_ELECTRON_MESSAGE', () => {
  it('is one line that names the way out', () => {
    expect(MISSING_ELECTRON_MESSAGE).not.toContain('\n');
    expect(MISSING_ELECTRON_MESSAGE).toContain('`npm run serve`');
  });
});

describe('electronPathFrom', () => {
  it('treats a throwing electron package as not installed', () => {
    const resolve = () => {
      throw new Error('Electron failed to install correctly');
    };
    expect(electronPathFrom(resolve, () => true)).toBeUndefined();
  });

  it('treats a named path that does not exist as not installed', () => {
    expect(electronPathFrom(() => '/nm/electron/dist/electron', () => false)).toBeUndefined();
  });

  it('returns a path that exists', () => {
    expect(electronPathFrom(() => '/nm/electron/dist/electron', () => true)).toBe('/nm/electron/dist/electron');
  });
});

describe('npmRunBuild', () => {
  it('reuses the npm that runs npm start', () => {
    expect(npmRunBuild({ npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' }, '/usr/bin/node', 'linux')).toEqual({
      command: '/usr/bin/node',
      args: ['/usr/lib/node_modules/npm/bin/npm-cli.js', 'run', 'build'],
      shell: false,
    });
  });

  it('falls back to npm on the PATH, through a shell on Windows', () => {
    expect(npmRunBuild({}, 'node', 'linux')).toEqual({ command: 'npm', args: ['run', 'build'], shell: false });
    expect(npmRunBuild({}, 'node', 'win32')).toEqual({ command: 'npm.cmd', args: ['run', 'build'], shell: true });
  });
});

describe('exitCodeOf', () => {
  it('passes a normal exit code on', () => {
    expect(exitCodeOf(0, undefined)).toBe(0);
    expect(exitCodeOf(4, undefined)).toBe(4);
  });

  it('follows the shell convention for a child ended by a signal', () => {
    expect(exitCodeOf(null, 2)).toBe(130);
    expect(exitCodeOf(null, undefined)).toBe(1);
  });
});
