import { EventEmitter } from 'node:events';
import { type BrowserWindow, app } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from './single-instance';

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  return { app: Object.assign(new Emitter(), { requestSingleInstanceLock: vi.fn() }) };
});

const electron = { app: app as unknown as EventEmitter & { requestSingleInstanceLock: ReturnType<typeof vi.fn> } };

function fakeWindow(minimized: boolean) {
  return Object.assign(new EventEmitter(), {
    isDestroyed: vi.fn(() => false),
    isMinimized: vi.fn(() => minimized),
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  });
}

beforeEach(() => {
  electron.app.removeAllListeners();
  electron.app.requestSingleInstanceLock.mockReset();
});

describe('claimSingleInstance', () => {
  it('reports false, and listens for nothing, when another copy holds the lock', () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(false);
    expect(claimSingleInstance(() => undefined)).toBe(false);
    expect(electron.app.listenerCount('second-instance')).toBe(0);
  });

  it('restores and focuses the first window when a second copy starts', () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(true);
    const window = fakeWindow(true);
    expect(claimSingleInstance(() => window as unknown as BrowserWindow)).toBe(true);
    electron.app.emit('second-instance', {}, ['city-brain'], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('ignores a second copy that starts before any window exists', () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(true);
    claimSingleInstance(() => undefined);
    expect(() => electron.app.emit('second-instance', {}, [], '/')).not.toThrow();
  });
});
