/**
 * What `npm start` does, as a sequence over injected effects so every branch
 * is tested without Electron: find the Electron binary (installing it once if
 * missing), build, then run Electron on the app and pass its exit code on.
 * On a machine where Electron's download is blocked it prints one line that
 * says what to do instead, and nothing else.
 */

export const MISSING_ELECTRON_MESSAGE =
  "Electron's binary is not installed (its download is blocked on this machine): " +
  'run `npm run serve` and open the printed Console URL in a browser.';

/** How long Electron's installer may try to download the binary, in ms. */
export const INSTALL_TIMEOUT_MS = 120_000;

export interface StartEffects {
  /** Path of the Electron executable, or undefined when it is not installed. */
  findElectron(): string | undefined;
  /** Runs Electron's own installer once, quietly; resolves however it ends. */
  installElectron(): Promise<void>;
  /** Runs `npm run build`; resolves with its exit code. */
  build(): Promise<number>;
  /** Runs Electron with `args`, sharing this terminal; resolves with its exit code. */
  launch(electronPath: string, args: string[]): Promise<number>;
  /** Writes one line to stderr. */
  printError(line: string): void;
}

/** Resolves with the exit code for `npm start`. `extraArgs` go to the app (`npm start -- --config wall.json`). */
export async function startApp(effects: StartEffects, extraArgs: readonly string[]): Promise<number> {
  let electronPath = effects.findElectron();
  if (electronPath === undefined) {
    await effects.installElectron();
    electronPath = effects.findElectron();
  }
  if (electronPath === undefined) {
    effects.printError(MISSING_ELECTRON_MESSAGE);
    return 1;
  }
  const buildCode = await effects.build();
  if (buildCode !== 0) return buildCode;
  // `.` makes Electron load the app from package.json's "main" (dist/electron/main.js).
  return effects.launch(electronPath, ['.', ...extraArgs]);
}

/**
 * The executable `require('electron')` names, if it exists. The electron
 * package throws when its binary was never downloaded, and names a path that
 * may be missing when the download was cut short.
 */
export function electronPathFrom(resolveElectron: () => string, exists: (path: string) => boolean): string | undefined {
  let path: string;
  try {
    path = resolveElectron();
  } catch {
    return undefined;
  }
  return exists(path) ? path : undefined;
}

export interface Command {
  command: string;
  args: string[];
  /** Windows runs npm.cmd only through a shell. */
  shell: boolean;
}

/**
 * How to run `npm run build`: through the npm that runs `npm start` when there
 * is one (npm sets npm_execpath), so the same npm and Node are used.
 */
export function npmRunBuild(
  env: Readonly<Record<string, string | undefined>>,
  nodePath: string,
  platform: string,
): Command {
  const npmCli = env.npm_execpath;
  if (npmCli && /\.[cm]?js$/.test(npmCli)) return { command: nodePath, args: [npmCli, 'run', 'build'], shell: false };
  const windows = platform === 'win32';
  return { command: windows ? 'npm.cmd' : 'npm', args: ['run', 'build'], shell: windows };
}

/** A child's exit code for our own exit: its code, or 128 + the signal number that ended it (130 for Ctrl+C). */
export function exitCodeOf(code: number | null, signalNumber: number | undefined): number {
  if (code !== null) return code;
  return signalNumber === undefined ? 1 : 128 + signalNumber;
}
