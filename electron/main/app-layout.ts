/**
 * Where the built pieces sit inside the app directory (the folder holding
 * package.json, or app.asar when packaged). Mirrors the outputs of
 * scripts/build-node.ts and of the Vite build.
 */
import { join } from 'node:path';

export interface AppLayout {
  /** The bundled preload, CommonJS because sandboxed preloads must be. */
  preloadFile: string;
  /** The bundled backend bridge, started in demo mode. */
  bridgeEntry: string;
  /** The built renderer the demo bridge serves. */
  rendererDir: string;
}

export function appLayout(appDir: string): AppLayout {
  return {
    preloadFile: join(appDir, 'dist', 'electron', 'preload.cjs'),
    bridgeEntry: join(appDir, 'dist', 'bridge', 'main.js'),
    rendererDir: join(appDir, 'dist', 'renderer'),
  };
}
