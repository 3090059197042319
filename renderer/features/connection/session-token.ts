/**
 * Where a page's credential comes from and where it is kept.
 *
 * - A link token arrives once in the page URL (`#/console?token=…`), is kept
 *   in sessionStorage so a reload of the tab keeps the role, and is taken out
 *   of the visible URL so it does not end up on a screenshot of the wall.
 * - Once connected with it, the page pairs itself as a device (see
 *   features/devices/pair-device.ts) and keeps the long-lived device
 *   credential in localStorage, so the screen survives a reload, a closed tab
 *   and bridge restarts after the link has expired. The key names the view
 *   and the bridge origin, so another bridge is never sent it.
 * - No token at all is a viewer, as before.
 */
import { ValidationError } from '@protocol';

export const TOKEN_STORAGE_KEY = 'citybrain.token';

/** The key of a view's device credential for one bridge, e.g. `citybrain.device.wall@http://10.0.0.5:8080`. */
export const deviceStorageKey = (view: string, origin: string): string => `citybrain.device.${view}@${origin}`;

export type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The URL query as the router parses it: repeated keys become arrays, a bare `?token` is null. */
export type QueryValue = string | null | (string | null)[] | undefined;

/**
 * Checks the `token` query parameter: absent, or one non-empty string. Its
 * length and characters are the bridge's to judge; it refuses with a reason.
 */
export function parseTokenParam(value: QueryValue): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw new ValidationError('URL token', `given ${value.length} times; give it once`);
  if (value === null || value === '') {
    throw new ValidationError('URL token', 'is empty; give it as ?token=<value> or leave it out');
  }
  return value;
}

/**
 * The token to connect with: the URL's when it has one (replacing the stored
 * one), else the one stored by an earlier load of this tab. A malformed URL
 * token also clears the stored one, so the error cannot be masked by an older
 * token; the thrown ValidationError says what was wrong.
 */
export function resolveToken(urlValue: QueryValue, storage: TokenStorage): string | undefined {
  if (urlValue === undefined) return storage.getItem(TOKEN_STORAGE_KEY) ?? undefined;
  try {
    const token = parseTokenParam(urlValue);
    if (token !== undefined) storage.setItem(TOKEN_STORAGE_KEY, token);
    return token;
  } catch (error) {
    storage.removeItem(TOKEN_STORAGE_KEY);
    throw error;
  }
}

/** `link`: a token from the URL or this tab's session (a link or configured token); `device`: this screen's paired credential. */
export type CredentialOrigin = 'link' | 'device';

export interface PageCredential {
  token: string;
  from: CredentialOrigin;
}

/** Where the page's credentials are kept: the tab's session, the browser's local storage, and this page's device key. */
export interface CredentialStorage {
  session: TokenStorage;
  /** null where the browser has none (a private window with storage off): the page then pairs nothing. */
  local: TokenStorage | null;
  deviceKey: string;
}

/**
 * The credentials to try, in order: the URL's or the tab's token first (an
 * explicit link wins, e.g. to change role), then the device credential. The
 * next one is tried when the bridge refuses one; none left means a viewer
 * only when the list was empty from the start.
 */
export function resolveCredentials(urlValue: QueryValue, { session, local, deviceKey }: CredentialStorage): PageCredential[] {
  const link = resolveToken(urlValue, session);
  const device = local?.getItem(deviceKey) ?? null;
  return [
    ...(link !== undefined ? [{ token: link, from: 'link' as const }] : []),
    ...(device !== null && device !== '' ? [{ token: device, from: 'device' as const }] : []),
  ];
}

/** Keeps a freshly paired device credential; the link token is no longer needed in this tab. */
export function keepDeviceCredential({ session, local, deviceKey }: CredentialStorage, credential: string): void {
  if (!local) return;
  local.setItem(deviceKey, credential);
  session.removeItem(TOKEN_STORAGE_KEY);
}

/** Forgets a credential the bridge refused, so a reload does not present it again and the next link works. */
export function forgetCredential({ session, local, deviceKey }: CredentialStorage, refused: PageCredential): void {
  if (refused.from === 'device') {
    if (local?.getItem(deviceKey) === refused.token) local.removeItem(deviceKey);
  } else if (session.getItem(TOKEN_STORAGE_KEY) === refused.token) {
    session.removeItem(TOKEN_STORAGE_KEY);
  }
}
