/**
 * `npm start`: runs the desktop app. The decisions live in start-plan.ts; this
 * file supplies the real effects (child processes, the file system).
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  INSTALL_TIMEOUT_MS,
  type StartEffects,
  electronPathFrom,
  exitCodeOf,
  npmRunBuild,
  startApp,
} from './start-plan';

const appRoot = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function run(command: string, args: string[], shell = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: appRoot, stdio: 'inherit', shell });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(exitCodeOf(code, signal ? constants.signals[signal] : undefined)));
  });
}

const effects: StartEffects = {
  findElectron: () =>
    electronPathFrom(() => {
      const entry = require.resolve('electron');
      // The package works out the binary's path when loaded; load it afresh to see what an install just wrote.
      delete require.cache[entry];
      return require(entry) as string;
    }, existsSync),

  installElectron: () =>
    new Promise((resolve) => {
      let installer: string;
      try {
        installer = require.resolve('electron/install.js');
      } catch {
        resolve(); // the optional dependency itself is absent; nothing to install from
        return;
      }
      // Output is captured and dropped: on success the next lookup finds the binary, on failure one line says why.
      execFile(process.execPath, [installer], { cwd: appRoot, timeout: INSTALL_TIMEOUT_MS }, () => resolve());
    }),

  build: () => {
    const npm = npmRunBuild(process.env, process.execPath, process.platform);
    return run(npm.command, npm.args, npm.shell);
  },

  launch: (electronPath, args) => run(electronPath, args),

  printError: (line) => process.stderr.write(`${line}\n`),
};

startApp(effects, process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`npm start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
