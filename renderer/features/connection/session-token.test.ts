import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY, parseTokenParam, resolveToken } from './session-token';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('parseTokenParam', () => {
  it('accepts one non-empty token and an absent one', () => {
    expect(parseTokenParam('abc')).toBe('abc');
    expect(parseTokenParam(undefined)).toBeUndefined();
  });

  it('rejects a token given twice, saying how often it was given', () => {
    expect(() => parseTokenParam(['a', 'b'])).toThrow('URL token: given 2 times; give it once');
  });

  it('rejects an empty token', () => {
    expect(() => parseTokenParam('')).toThrow('URL token: is empty');
    expect(() => parseTokenParam(null)).toThrow('URL token: is empty');
  });
});

describe('resolveToken', () => {
  it('stores the URL token for later loads of the tab', () => {
    const storage = memoryStorage({ [TOKEN_STORAGE_KEY]: 'old' });
    expect(resolveToken('new', storage)).toBe('new');
    expect(storage.items.get(TOKEN_STORAGE_KEY)).toBe('new');
  });

  it('falls back to the stored token when the URL has none', () => {
    expect(resolveToken(undefined, memoryStorage({ [TOKEN_STORAGE_KEY]: 'kept' }))).toBe('kept');
    expect(resolveToken(undefined, memoryStorage())).toBeUndefined();
  });

  it('forgets the stored token when the URL token is malformed', () => {
    const storage = memoryStorage({ [TOKEN_STORAGE_KEY]: 'old' });
    expect(() => resolveToken(['a', 'b'], storage)).toThrow(/given 2 times/);
    expect(storage.items.has(TOKEN_STORAGE_KEY)).toBe(false);
  });
});
