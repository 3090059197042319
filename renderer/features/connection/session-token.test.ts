import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY, deviceStorageKey, forgetCredential, keepDeviceCredential, parseTokenParam, resolveCredentials, resolveToken } from './session-token';

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

describe('device credentials', () => {
  const deviceKey = deviceStorageKey('wall', 'https://bridge.ops.local:8443');
  const stores = (session = memoryStorage(), local: ReturnType<typeof memoryStorage> | null = memoryStorage()) => ({ session, local, deviceKey });

  it('keys the device credential by view and bridge origin', () => {
    expect(deviceKey).toBe('citybrain.device.wall@https://bridge.ops.local:8443');
    expect(deviceStorageKey('wall', 'http://127.0.0.1:8080')).not.toBe(deviceKey);
  });

  it('tries the URL link first, then the device credential; no credential at all is a viewer', () => {
    const both = stores(memoryStorage(), memoryStorage({ [deviceKey]: 'device' }));
    expect(resolveCredentials('link', both)).toEqual([
      { token: 'link', from: 'link' },
      { token: 'device', from: 'device' },
    ]);
    expect(resolveCredentials(undefined, both)).toEqual([
      { token: 'link', from: 'link' },
      { token: 'device', from: 'device' },
    ]);
    expect(resolveCredentials(undefined, stores())).toEqual([]);
    expect(resolveCredentials(undefined, stores(memoryStorage(), null))).toEqual([]);
  });

  it('keeps a paired credential across tab closes (local storage) and drops the link from the tab', () => {
    const kept = stores(memoryStorage({ [TOKEN_STORAGE_KEY]: 'link' }));
    keepDeviceCredential(kept, 'device');
    expect(kept.local!.items.get(deviceKey)).toBe('device');
    expect(kept.session.items.has(TOKEN_STORAGE_KEY)).toBe(false);
  });

  it('forgets exactly the credential that was refused', () => {
    const held = stores(memoryStorage({ [TOKEN_STORAGE_KEY]: 'link' }), memoryStorage({ [deviceKey]: 'device' }));
    forgetCredential(held, { token: 'device', from: 'device' });
    expect(held.local!.items.has(deviceKey)).toBe(false);
    expect(held.session.items.get(TOKEN_STORAGE_KEY)).toBe('link');
    forgetCredential(held, { token: 'link', from: 'link' });
    expect(held.session.items.has(TOKEN_STORAGE_KEY)).toBe(false);
  });
});
