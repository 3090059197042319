import { describe, expect, it } from 'vitest';
import { type RouteRecordRaw, createMemoryHistory, createRouter } from 'vue-router';
import { routes } from './router';

/** The app's routes with the views swapped for empty components, so no view (or Cesium) loads. */
function testRouter() {
  const stub = { render: () => null };
  const stubbed = routes.map((route) => ('component' in route ? { ...route, component: stub } : route)) as RouteRecordRaw[];
  return createRouter({ history: createMemoryHistory(), routes: stubbed });
}

describe('routes', () => {
  it('opens the console at the root, keeping the token in the query', async () => {
    const router = testRouter();
    await router.push('/?token=abc');
    expect(router.currentRoute.value.path).toBe('/console');
    expect(router.currentRoute.value.query).toEqual({ token: 'abc' });
  });

  it('sends an unknown address to the console, keeping the query', async () => {
    const router = testRouter();
    await router.push('/wal?token=abc');
    expect(router.currentRoute.value.fullPath).toBe('/console?token=abc');
  });

  it.each(['console', 'wall', 'cockpit'])('serves the %s view with its title', async (view) => {
    const router = testRouter();
    await router.push(`/${view}`);
    expect(router.currentRoute.value.name).toBe(view);
    expect(router.currentRoute.value.meta.titleKey).toBe(`views.${view}`);
  });
});
