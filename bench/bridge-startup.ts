/**
 * bridge_startup_ms: from spawning the built bridge process to its ready
 * message (city generated, HTTP and WebSocket listening).
 */
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const BRIDGE_ENTRY = 'dist/bridge/main.js';

function startOnce(): Promise<number> {
  const started = performance.now();
  const child = fork(BRIDGE_ENTRY, ['--port', '0'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('bridge did not report ready within 60 s'));
    }, 60_000);
    child.once('message', (message: { type?: string; reason?: string }) => {
      const elapsedMs = performance.now() - started;
      clearTimeout(timer);
      child.kill('SIGTERM');
      if (message.type === 'bridge-ready') resolve(elapsedMs);
      else reject(new Error(`bridge failed to start: ${message.reason ?? JSON.stringify(message)}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bridge exited with code ${code} before it was ready`));
    });
  });
}

export async function measureBridgeStartupMs(runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await startOnce());
  return samples;
}
