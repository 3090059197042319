/**
 * Command-line switches main adds to each window's renderer process
 * (`webPreferences.additionalArguments`). The sandboxed preload cannot reach
 * `app`, so this is how it learns facts that only main knows.
 */

/** Carries the app version: `--citybrain-app-version=0.1.0`. */
export const APP_VERSION_SWITCH = '--citybrain-app-version=';

/** The app version main passed, or an error naming the missing switch. */
export function appVersionFromArgv(argv: readonly string[]): string {
  const entry = argv.find((arg) => arg.startsWith(APP_VERSION_SWITCH));
  const version = entry?.slice(APP_VERSION_SWITCH.length);
  if (!version) throw new Error(`preload: the renderer was started without ${APP_VERSION_SWITCH}VERSION`);
  return version;
}
