/**
 * Opens the bridge connection for the page being shown: the credential comes
 * from the URL (and is then hidden from it), this tab's session storage, or
 * the device credential this screen paired for (see session-token.ts); the
 * socket from the page's own address. A problem with either is shown as a
 * refusal naming it, since retrying could not fix it.
 *
 * When the bridge refuses a token, it is forgotten and the next one is tried
 * (a link that expired while the page was open falls back to the device
 * credential paired with it); with none left the refusal stays on screen.
 */
import { CloseCode } from '@protocol';
import { watch } from 'vue';
import type { Router } from 'vue-router';
import { deviceLabel, viewOfPath } from '../devices/device-label';
import { useDeviceStore } from '../devices/device-store';
import { pairOnWelcome } from '../devices/pair-device';
import type { BridgeClientOptions } from './bridge-client';
import { bridgeSocketUrl } from './bridge-url';
import type { useConnectionStore } from './connection-store';
import { type CredentialStorage, type PageCredential, type TokenStorage, deviceStorageKey, forgetCredential, resolveCredentials } from './session-token';

export interface PageContext {
  router: Router;
  /** This tab's storage (sessionStorage): the URL token, for reloads. */
  storage: TokenStorage;
  /** The browser's storage (localStorage): the device credential. @default globalThis.localStorage, null where there is none */
  deviceStorage?: TokenStorage | null;
  page: Pick<Location, 'protocol' | 'host'>;
  /** Identifies this client in the bridge's log, e.g. `console/0.1.0`. */
  clientName: string;
  /** Names the browser in the device label. @default navigator.userAgent */
  userAgent?: string;
  /** Further client options; tests pass a fake socket here. @default none */
  clientOptions?: Partial<BridgeClientOptions>;
}

function defaultLocalStorage(): TokenStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // A browser with storage disabled throws on access.
    return null;
  }
}

/** Call once the router is ready, so the route's query is the page's. */
export async function connectFromPage(
  connection: ReturnType<typeof useConnectionStore>,
  { router, storage, deviceStorage = defaultLocalStorage(), page, clientName, userAgent = globalThis.navigator?.userAgent ?? '', clientOptions }: PageContext,
): Promise<void> {
  const route = router.currentRoute.value;
  const { token: tokenParam, ...query } = route.query;
  if (tokenParam !== undefined) await router.replace({ path: route.path, query, hash: route.hash });

  const view = viewOfPath(route.path);
  const stores: CredentialStorage = { session: storage, local: deviceStorage, deviceKey: deviceStorageKey(view, `${page.protocol}//${page.host}`) };
  let credentials: PageCredential[];
  let url: string;
  try {
    credentials = resolveCredentials(tokenParam, stores);
    url = bridgeSocketUrl(page);
  } catch (error) {
    connection.refuse(error instanceof Error ? error.message : String(error));
    return;
  }
  let index = 0;
  const devices = useDeviceStore();
  const connectWith = (credential: PageCredential | undefined) =>
    connection.connect({ url, clientName, ...(credential !== undefined && { token: credential.token }), ...clientOptions });

  pairOnWelcome(connection, {
    label: deviceLabel(view, userAgent),
    stores,
    current: () => credentials[index],
    onPaired: (credential) => {
      credentials = [...credentials.slice(0, index + 1), { token: credential, from: 'device' }];
    },
  });
  watch(
    () => connection.status,
    (status) => {
      if (status.state !== 'refused' || status.refusedCode !== CloseCode.invalidToken) return;
      const refused = credentials[index];
      if (!refused) return;
      devices.refusedFrom = refused.from;
      forgetCredential(stores, refused);
      if (index + 1 >= credentials.length) return;
      index += 1;
      // After this watcher returns: connecting replaces the status it is reacting to.
      queueMicrotask(() => connectWith(credentials[index]));
    },
    { flush: 'sync' },
  );
  connectWith(credentials[0]);
}
