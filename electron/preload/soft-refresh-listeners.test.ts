import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Invoke } from './invoke-allowed';
import { type Listen, createOnSoftRefresh, listenAllowed } from './soft-refresh-listeners';

let handlers: Map<string, () => void>;
let listen: ReturnType<typeof vi.fn<Listen>>;
let invoke: ReturnType<typeof vi.fn<Invoke>>;

beforeEach(() => {
  handlers = new Map();
  listen = vi.fn<Listen>((channel, handler) => handlers.set(channel, handler));
  invoke = vi.fn<Invoke>().mockResolvedValue(undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

/** Main sends the soft refresh event and the preload's work on it settles. */
async function mainAsksForSoftRefresh(): Promise<void> {
  handlers.get('citybrain:soft-refresh')!();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('listenAllowed', () => {
  it('refuses a channel that is not on the event allow-list', () => {
    expect(() => listenAllowed(listen, 'citybrain:get-displays', () => undefined)).toThrow('not on the allow-list');
    expect(() => listenAllowed(listen, 'other:soft-refresh', () => undefined)).toThrow('not on the allow-list');
    expect(listen).not.toHaveBeenCalled();
  });
});

describe('onSoftRefresh', () => {
  it('listens to IPC only once a page subscribes, and only once', () => {
    const onSoftRefresh = createOnSoftRefresh(listen, invoke);
    expect(listen).not.toHaveBeenCalled();
    onSoftRefresh(() => undefined);
    onSoftRefresh(() => undefined);
    expect(listen).toHaveBeenCalledTimes(1);
    expect(listen).toHaveBeenCalledWith('citybrain:soft-refresh', expect.any(Function));
  });

  it('confirms to main once every listener has finished remounting', async () => {
    const onSoftRefresh = createOnSoftRefresh(listen, invoke);
    let finishRemount = () => undefined as void;
    const slow = vi.fn(() => new Promise<void>((resolve) => (finishRemount = resolve)));
    const quick = vi.fn();
    onSoftRefresh(slow);
    onSoftRefresh(quick);
    await mainAsksForSoftRefresh();
    expect([slow.mock.calls.length, quick.mock.calls.length]).toEqual([1, 1]);
    expect(invoke).not.toHaveBeenCalled();
    finishRemount();
    await vi.waitFor(() => expect(invoke).toHaveBeenCalledWith('citybrain:soft-refresh-done'));
  });

  it('does not confirm when a listener fails, so main reloads the window instead', async () => {
    const onSoftRefresh = createOnSoftRefresh(listen, invoke);
    onSoftRefresh(() => Promise.reject(new Error('viewer would not rebuild')));
    onSoftRefresh(() => {
      throw new Error('chart broke');
    });
    await mainAsksForSoftRefresh();
    expect(invoke).not.toHaveBeenCalled();
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('main will reload the window'), expect.any(Error));
  });

  it('stops calling a listener after it unsubscribes, and then does not confirm', async () => {
    const onSoftRefresh = createOnSoftRefresh(listen, invoke);
    const listener = vi.fn();
    const unsubscribe = onSoftRefresh(listener);
    unsubscribe();
    await mainAsksForSoftRefresh();
    expect(listener).not.toHaveBeenCalled();
    expect(invoke).not.toHaveBeenCalled();
  });

  it('refuses a listener that is not a function', () => {
    const onSoftRefresh = createOnSoftRefresh(listen, invoke);
    expect(() => onSoftRefresh('reload' as unknown as () => void)).toThrow('expected a function, got string');
  });
});
