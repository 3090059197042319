/**
 * Opens the bridge connection for the page being shown: the token comes from
 * the URL (and is then hidden from it) or from this tab's session storage,
 * the socket from the page's own address. A problem with either is shown as
 * a refusal naming it, since retrying could not fix it.
 */
import type { Router } from 'vue-router';
import type { BridgeClientOptions } from './bridge-client';
import { bridgeSocketUrl } from './bridge-url';
import type { useConnectionStore } from './connection-store';
import { resolveToken } from './session-token';

export interface PageContext {
  router: Router;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  page: Pick<Location, 'protocol' | 'host'>;
  /** Identifies this client in the bridge's log, e.g. `console/0.1.0`. */
  clientName: string;
  /** Further client options; tests pass a fake socket here. @default none */
  clientOptions?: Partial<BridgeClientOptions>;
}

/** Call once the router is ready, so the route's query is the page's. */
export async function connectFromPage(
  connection: ReturnType<typeof useConnectionStore>,
  { router, storage, page, clientName, clientOptions }: PageContext,
): Promise<void> {
  const route = router.currentRoute.value;
  const { token: tokenParam, ...query } = route.query;
  if (tokenParam !== undefined) await router.replace({ path: route.path, query, hash: route.hash });

  let token: string | undefined;
  let url: string;
  try {
    token = resolveToken(tokenParam, storage);
    url = bridgeSocketUrl(page);
  } catch (error) {
    connection.refuse(error instanceof Error ? error.message : String(error));
    return;
  }
  connection.connect({ url, clientName, ...(token !== undefined && { token }), ...clientOptions });
}
