/**
 * The three views. Hash history, because the bridge serves one index.html
 * and knows nothing of client routes; views load lazily so the cockpit on a
 * tablet never downloads the 3D engine.
 */
import { type RouteRecordRaw, createRouter, createWebHashHistory } from 'vue-router';
import type { MessageSchema } from './i18n/en';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the view's name, for the window title. */
    titleKey?: `views.${keyof MessageSchema['views']}`;
  }
}

export const routes: RouteRecordRaw[] = [
  // Redirects keep the query, so `#/?token=…` still delivers its token.
  { path: '/', redirect: '/console' },
  {
    path: '/console',
    name: 'console',
    component: () => import('./views/ConsoleView.vue'),
    meta: { titleKey: 'views.console' },
  },
  { path: '/wall', name: 'wall', component: () => import('./views/WallView.vue'), meta: { titleKey: 'views.wall' } },
  {
    path: '/cockpit',
    name: 'cockpit',
    component: () => import('./views/CockpitView.vue'),
    meta: { titleKey: 'views.cockpit' },
  },
  { path: '/:unknown(.*)*', redirect: (to) => ({ path: '/console', query: to.query }) },
];

export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes });
}
