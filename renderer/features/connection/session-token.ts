/**
 * The session token arrives once in the page URL (`#/console?token=…`), is
 * kept in sessionStorage so a reload keeps the role, and is taken out of the
 * visible URL so it does not end up on a screenshot of the wall.
 */
import { ValidationError } from '@protocol';

export const TOKEN_STORAGE_KEY = 'citybrain.token';

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
export function resolveToken(urlValue: QueryValue, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): string | undefined {
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
