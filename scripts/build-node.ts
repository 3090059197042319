/**
 * Bundles the Node-side processes with esbuild (type checking is `npm run
 * typecheck`'s job):
 *   dist/bridge/main.js        the backend bridge (ESM, Node 20)
 *   dist/electron/main.js      Electron main (ESM)
 *   dist/electron/preload.cjs  the preload; sandboxed preloads must be CommonJS
 * Native and heavy runtime packages stay external and load from node_modules.
 */
import { build, type BuildOptions } from 'esbuild';

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['backend-bridge/main.ts'],
    outfile: 'dist/bridge/main.js',
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/electron/main.js',
    format: 'esm',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
