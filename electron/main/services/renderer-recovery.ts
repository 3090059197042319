/**
 * Keeps an app window showing the app: reloads a renderer that crashed (within
 * the limits of `planRecovery`) and retries a page that could not load, e.g.
 * because a remote bridge was not reachable yet when the wall powered up.
 */
import type { WebContents } from 'electron';
import { RECOVERY_DEFAULTS, type RecoveryOptions, planRecovery } from './renderer-recovery-plan';

/** Chromium's net::ERR_ABORTED: a load replaced by another one, not a failure. */
const ERR_ABORTED = -3;

export function keepRendererAlive(contents: WebContents, options: RecoveryOptions = RECOVERY_DEFAULTS): void {
  let reloadsAtMs: number[] = [];

  contents.on('render-process-gone', (_event, details) => {
    const decision = planRecovery(details.reason, reloadsAtMs, Date.now(), options);
    if (decision.action === 'ignore') return;
    if (decision.action === 'give-up') {
      console.error(`renderer: ${decision.reason}`);
      return;
    }
    reloadsAtMs = decision.reloadsAtMs;
    console.warn(`renderer: the page died (${details.reason}, exit code ${details.exitCode}); reloading`);
    setTimeout(() => {
      if (!contents.isDestroyed()) contents.reload();
    }, decision.delayMs);
  });

  contents.on('did-fail-load', (_event, errorCode, errorDescription, url, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    console.warn(`renderer: cannot load ${url} (${errorDescription}); retrying in ${options.loadRetryDelayMs} ms`);
    setTimeout(() => {
      // A failure is reported again through did-fail-load, which schedules the next try.
      if (!contents.isDestroyed()) contents.loadURL(url).catch(() => undefined);
    }, options.loadRetryDelayMs);
  });
}
