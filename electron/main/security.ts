/**
 * The security baseline of every app window: what its renderer may run, where
 * it may go, and what it may ask for. The page is a web app served by the
 * bridge; it gets no Node, no Electron, and only the preload's small object.
 */
import type { Session, WebContents, WebPreferences } from 'electron';
import { APP_VERSION_SWITCH } from '../common/renderer-switches';
import { buildCsp, isSameOrigin, withCsp } from './security-plan';

/** Preferences every app window shares; `windowWebPreferences` adds the per-app pieces. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  // A wall is never touched, yet severe alerts must sound on it.
  autoplayPolicy: 'no-user-gesture-required',
  // A file dropped on a wall must not replace the app with a file:// page.
  navigateOnDragDrop: false,
} as const satisfies WebPreferences;

export function windowWebPreferences(preloadFile: string, appVersion: string): WebPreferences {
  return {
    ...SECURE_WEB_PREFERENCES,
    preload: preloadFile,
    additionalArguments: [`${APP_VERSION_SWITCH}${appVersion}`],
  };
}

/**
 * Keeps a window on the app: navigations and redirects to another origin are
 * cancelled, new windows and webviews are refused. Hash-route changes inside
 * the app are not navigations and are unaffected.
 */
export function hardenWebContents(contents: WebContents, appOrigin: string): void {
  const stayOnApp = (event: { url: string; preventDefault(): void }) => {
    if (isSameOrigin(event.url, appOrigin)) return;
    event.preventDefault();
    console.warn(`blocked navigation to ${event.url}: only ${appOrigin} is allowed`);
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-redirect', stayOnApp);
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`blocked a new window for ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Session-wide rules: every permission (camera, geolocation, notifications,
 * HTML full screen…) is refused, since the app needs none and full screen goes
 * through the preload; every response gets the app's CSP.
 */
export function hardenSession(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  const csp = buildCsp(appOrigin);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
}
