/**
 * Keeps an app window showing the app: reloads a renderer that crashed or
 * stayed hung (within the limits of `planRecovery`, then the fallback page
 * that keeps retrying) and retries a page that could not load, e.g. because a
 * remote bridge was not reachable yet when the wall powered up.
 */
import type { WebContents } from 'electron';
import { fallbackPageUrl } from './fallback-page';
import { RECOVERY_DEFAULTS, type RecoveryCause, type RecoveryOptions, planRecovery } from './renderer-recovery-plan';

/** Chromium's net::ERR_ABORTED: a load replaced by another one, not a failure. */
const ERR_ABORTED = -3;

/**
 * Watches `contents` for the life of its window. `appUrl` is the page the
 * fallback page goes back to; a plain reload keeps the page's current route.
 */
export function keepRendererAlive(contents: WebContents, appUrl: string, options: RecoveryOptions = RECOVERY_DEFAULTS): void {
  let reloadsAtMs: number[] = [];
  let hungTimer: NodeJS.Timeout | undefined;
  // Set when main kills a hung renderer, so the death it causes is reported as a hang, not as "killed".
  let killedForHang = false;

  const whileAlive = (action: () => void) => () => {
    if (!contents.isDestroyed()) action();
  };
  const stopHangWatch = () => {
    clearTimeout(hungTimer);
    hungTimer = undefined;
  };

  const recover = (cause: RecoveryCause, what: string) => {
    const decision = planRecovery(cause, reloadsAtMs, Date.now(), options);
    if (decision.action === 'ignore') return;
    if (decision.action === 'fallback') {
      console.error(`renderer: ${decision.reason}; showing the fallback page and trying again in ${decision.retryDelayMs} ms`);
      contents.loadURL(fallbackPageUrl(decision.reason, decision.retryDelayMs)).catch(() => undefined);
      // A failure of this try is handled like any other: reload, or fall back again.
      setTimeout(whileAlive(() => contents.loadURL(appUrl).catch(() => undefined)), decision.retryDelayMs);
      return;
    }
    reloadsAtMs = decision.reloadsAtMs;
    console.warn(`renderer: ${what}; reloading in ${decision.delayMs} ms`);
    setTimeout(whileAlive(() => contents.reload()), decision.delayMs);
  };

  contents.on('render-process-gone', (_event, details) => {
    stopHangWatch();
    const cause: RecoveryCause = killedForHang ? 'hung' : details.reason;
    killedForHang = false;
    recover(cause, cause === 'hung' ? 'the hung page was ended' : `the page died (${details.reason}, exit code ${details.exitCode})`);
  });

  // Chromium reports a renderer that has not answered input for a while; give it
  // `hungTimeoutMs` more to come back before ending it, since a first 3D frame can be slow.
  contents.on('unresponsive', () => {
    if (hungTimer !== undefined) return;
    console.warn(`renderer: the page stopped responding; ending it if it is still hung in ${options.hungTimeoutMs} ms`);
    hungTimer = setTimeout(
      whileAlive(() => {
        hungTimer = undefined;
        killedForHang = true;
        // Ending the process raises render-process-gone, which reloads through the policy above.
        contents.forcefullyCrashRenderer();
      }),
      options.hungTimeoutMs,
    );
  });
  contents.on('responsive', stopHangWatch);
  contents.on('destroyed', stopHangWatch);

  contents.on('did-fail-load', (_event, errorCode, errorDescription, url, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    console.warn(`renderer: cannot load ${url} (${errorDescription}); retrying in ${options.loadRetryDelayMs} ms`);
    // A failure is reported again through did-fail-load, which schedules the next try.
    setTimeout(whileAlive(() => contents.loadURL(url).catch(() => undefined)), options.loadRetryDelayMs);
  });
}
