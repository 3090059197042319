/**
 * Builds the renderer (root `renderer/`) into dist/renderer, with Cesium's
 * static Workers/Assets/ThirdParty/Widgets copied beside it so the app runs
 * with no network at all. Also holds the Vitest projects: `unit` (fast, beside
 * the code) and `e2e` (real headless Chromium against the built renderer).
 */
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { viteStaticCopy } from 'vite-plugin-static-copy';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const cesiumBuild = 'node_modules/cesium/Build/Cesium';
/** Where Cesium's static files live relative to index.html; Cesium resolves it against the page URL. */
const CESIUM_DIR = 'cesium';

export default defineConfig({
  root: fromRoot('./renderer'),
  base: './',
  publicDir: false,
  plugins: [
    vue(),
    viteStaticCopy({
      targets: ['Workers', 'Assets', 'ThirdParty', 'Widgets'].map((dir) => ({
        src: fromRoot(`${cesiumBuild}/${dir}`),
        dest: CESIUM_DIR,
      })),
    }),
  ],
  define: {
    CESIUM_BASE_URL: JSON.stringify(`./${CESIUM_DIR}/`),
    // vue-i18n: composition API only, no legacy API or devtools hooks in the bundle.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  resolve: {
    alias: {
      '@protocol': fromRoot('./backend-bridge/protocol'),
      '@common': fromRoot('./common'),
      '@shaders': fromRoot('./shaders'),
    },
  },
  build: {
    outDir: fromRoot('./dist/renderer'),
    emptyOutDir: true,
    // Cesium alone is several MB; the desktop app loads it from disk or loopback.
    chunkSizeWarningLimit: 8000,
    sourcemap: true,
  },
  worker: { format: 'es' },
  test: {
    root: fromRoot('.'),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: fromRoot('.'),
          include: ['{backend-bridge,bench,common,electron,renderer,scripts,tests}/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: fromRoot('.'),
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
