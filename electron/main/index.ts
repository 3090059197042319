/**
 * Electron main: the lifecycle and nothing else. Decisions are made by the
 * pure *-plan.ts modules, OS-facing jobs by services/; this file runs them in
 * order: single instance → config and wall layout → bridge → wall windows and
 * other windows → no screen sleep. Any failure on the way is shown in a
 * dialog and exits with code 1.
 */
import { type BrowserWindow, app, dialog, powerSaveBlocker, screen, session } from 'electron';
import { join } from 'node:path';
import { appLayout } from './app-layout';
import { type BridgeAccess, planBridge, remoteAccess } from './bridge-plan';
import { loadDesktopConfig } from './config';
import { desktopConfigPath } from './config-plan';
import { describeDisplays } from './displays-plan';
import { registerDesktopIpc } from './ipc';
import { parseLaunchArgs, userArgs } from './launch-args';
import { hardenSession } from './security';
import { openAppWindow } from './services/app-window';
import { type RunningBridge, startBridgeProcess } from './services/bridge-process';
import { claimSingleInstance } from './services/single-instance';
import { createSoftRefresher } from './services/soft-refresh';
import { type OpenWall, openWall } from './services/wall-windows';
import { loadWallLayoutFile } from './wall-layout-file';
import { planWindows } from './window-plan';

const windows: BrowserWindow[] = [];
let wall: OpenWall | undefined;
let bridge: RunningBridge | undefined;

// A second launch brings the first copy forward: its console if it has one, else a wall screen.
if (claimSingleInstance(() => windows[0] ?? wall?.windows()[0])) {
  // A command-center app has no life without its windows, on macOS too.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    wall?.stop();
    bridge?.stop();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => exitWithError('City Brain could not start', error));
} else {
  app.quit();
}

async function start(): Promise<void> {
  const launch = parseLaunchArgs(userArgs(process.argv, process.defaultApp === true));
  const config = await loadDesktopConfig(desktopConfigPath(launch.configFile, process.env));
  // Read before the bridge starts, so a bad layout stops the start with the file and field named.
  const wallLayout = config.wall ? await loadWallLayoutFile(config.wall.layoutFile) : null;
  const layout = appLayout(app.getAppPath());
  const plan = planBridge(launch, config, {
    ...layout,
    // Alerts and the audit log live with the user's data, never inside the (read-only) install folder.
    dataDir: join(app.getPath('userData'), 'data'),
    workingDir: process.cwd(),
  });

  let access: BridgeAccess;
  if (plan.kind === 'remote') {
    access = remoteAccess(plan);
  } else {
    bridge = await startBridgeProcess(plan);
    bridge.onUnexpectedExit((code) =>
      exitWithError('City Brain stopped', new Error(`the demo bridge ended unexpectedly with code ${code}`)),
    );
    access = bridge.access;
  }

  hardenSession(session.defaultSession, access.origin);
  const softRefresher = createSoftRefresher();
  registerDesktopIpc(access.origin, { onSoftRefreshDone: (contents) => softRefresher.confirm(contents) });

  const windowOptions = { preloadFile: layout.preloadFile, appVersion: app.getVersion(), appOrigin: access.origin };
  if (wallLayout) wall = openWall(wallLayout, access, windowOptions, softRefresher);
  const displays = describeDisplays(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
  const { specs, warnings } = planWindows(displays, config.windows, access);
  for (const warning of warnings) console.warn(warning);
  for (const spec of specs) windows.push(openAppWindow(spec, windowOptions));

  // Walls and cockpits are watched, not touched: the screen must not blank.
  powerSaveBlocker.start('prevent-display-sleep');
}

function exitWithError(title: string, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`${title}: ${reason}`);
  // app.exit skips will-quit, so the bridge is stopped here.
  bridge?.stop();
  dialog.showErrorBox(title, reason);
  app.exit(1);
}
