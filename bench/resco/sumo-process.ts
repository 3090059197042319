/**
 * Runs one headless SUMO to completion with a hard time limit; what it said on
 * stderr comes back in the error when it fails.
 */
import { spawn } from 'node:child_process';

/** SUMO needs its data folder; the Debian package puts it here. */
export const SUMO_HOME = '/usr/share/sumo';
const STDERR_TAIL_CHARS = 2000;

export function runSumo(args: readonly string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sumo', args, {
      env: { ...process.env, SUMO_HOME },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderrTail = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      reject(new Error(missing ? 'sumo is not installed (apt-get install sumo)' : `sumo: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else if (signal === 'SIGKILL') reject(new Error(`sumo ran past ${timeoutMs} ms and was stopped`));
      else reject(new Error(`sumo exited with ${code ?? signal}: ${stderrTail.trim()}`));
    });
  });
}
