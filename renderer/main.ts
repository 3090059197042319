/**
 * Entry point: fonts and theme, the stores, i18n and router, then the
 * bridge connection. Everything ships with the app; nothing is fetched from
 * the internet (Noto Sans SC is bundled so Chinese renders offline).
 */
import '@fontsource/noto-sans-sc/chinese-simplified-400.css';
import '@fontsource/noto-sans-sc/chinese-simplified-700.css';
// Latin after Chinese: for Latin text the browser tries the faces declared last first.
import '@fontsource/noto-sans-sc/latin-400.css';
import '@fontsource/noto-sans-sc/latin-700.css';
import './styles/index.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { version } from '../package.json';
import App from './App.vue';
import { useCityStore } from './features/city/city-store';
import { connectFromPage } from './features/connection/connect-from-page';
import { useAlertsStore } from './features/alerts/alerts-store';
import { useConnectionStore } from './features/connection/connection-store';
import { i18n } from './i18n';
import { createAppRouter } from './router';

async function start(): Promise<void> {
  const pinia = createPinia();
  const router = createAppRouter();
  const app = createApp(App).use(pinia).use(i18n).use(router);
  await router.isReady();

  const connection = useConnectionStore(pinia);
  const city = useCityStore(pinia);
  // Before connecting: a connection starts with the alert snapshot, and every hello carries the alerts' resume point.
  useAlertsStore(pinia);
  // Every welcome names the city version; the store fetches only when it changed.
  connection.onWelcome((welcome) => void city.load(welcome.city.version));
  await connectFromPage(connection, { router, storage: sessionStorage, page: location, clientName: `console/${version}` });

  app.mount('#app');
}

start().catch((error: unknown) => console.error('the app failed to start', error));
