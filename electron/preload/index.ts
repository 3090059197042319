/**
 * The preload of every app window. It runs sandboxed and context-isolated and
 * hands the page exactly one small object; nothing of ipcRenderer or Node
 * leaks through. Bundled to dist/electron/preload.cjs (sandboxed preloads must
 * be CommonJS).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createDesktopApi } from './create-desktop-api';
import { DESKTOP_API_KEY } from './desktop-api';

contextBridge.exposeInMainWorld(
  DESKTOP_API_KEY,
  createDesktopApi({
    invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    // The IPC event is dropped here: it holds `sender`, which would hand the page ipcRenderer itself.
    listen: (channel, handler) => ipcRenderer.on(channel, () => handler()),
    argv: process.argv,
    platform: process.platform,
  }),
);
