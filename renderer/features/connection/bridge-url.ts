import { WS_PATH } from '@protocol';

/**
 * The socket URL of the bridge that served this page: same host and port,
 * `ws:` for an `http:` page and `wss:` for an `https:` one. Throws when the page
 * did not come from a bridge (e.g. `file:`), which has no socket to offer.
 */
export function bridgeSocketUrl(page: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = { 'http:': 'ws:', 'https:': 'wss:' }[page.protocol];
  if (scheme === undefined) {
    throw new Error(`page address: served over ${page.protocol}, but it must be opened from the bridge over http: or https:`);
  }
  return `${scheme}//${page.host}${WS_PATH}`;
}
