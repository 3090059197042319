/**
 * One running copy per machine: a second launch (a double click, an autostart
 * racing a person) must not open a second set of windows over the wall or a
 * second bridge. It brings the first copy's window to the front instead.
 */
import { type BrowserWindow, app } from 'electron';

/**
 * Claims the single-instance lock. Returns false when another copy holds it;
 * the caller should then quit. `windowToFocus` is asked at the moment a second
 * copy starts, since windows may not exist yet when the lock is claimed.
 */
export function claimSingleInstance(windowToFocus: () => BrowserWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const window = windowToFocus();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
