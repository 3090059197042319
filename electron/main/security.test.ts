import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SECURE_WEB_PREFERENCES, hardenSession, hardenWebContents, windowWebPreferences } from './security';

const APP_ORIGIN = 'http://127.0.0.1:40123';

type OpenHandler = (details: { url: string }) => { action: string };

function fakeContents() {
  const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn<(handler: OpenHandler) => void>() });
  hardenWebContents(contents as unknown as WebContents, APP_ORIGIN);
  return contents;
}

function navigationTo(url: string) {
  return { url, preventDefault: vi.fn() };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('windowWebPreferences', () => {
  it('isolates and sandboxes the renderer and gives it no Node', () => {
    const prefs = windowWebPreferences('/app/dist/electron/preload.cjs', '0.1.0');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      preload: '/app/dist/electron/preload.cjs',
      additionalArguments: ['--citybrain-app-version=0.1.0'],
    });
    expect(prefs).toMatchObject(SECURE_WEB_PREFERENCES);
  });
});

describe('hardenWebContents', () => {
  it('cancels a navigation to another origin', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const contents = fakeContents();
    const away = navigationTo('https://evil.example/phish');
    contents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
  });

  it('cancels a redirect to another origin', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const contents = fakeContents();
    const away = navigationTo('http://127.0.0.1:9999/');
    contents.emit('will-redirect', away);
    expect(away.preventDefault).toHaveBeenCalled();
  });

  it('lets a navigation within the app through', () => {
    const contents = fakeContents();
    const reload = navigationTo(`${APP_ORIGIN}/#/wall?token=abc`);
    contents.emit('will-navigate', reload);
    expect(reload.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every new window', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const contents = fakeContents();
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0];
    expect(handler({ url: `${APP_ORIGIN}/#/console` })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a webview', () => {
    const contents = fakeContents();
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    };
    hardenSession(session as unknown as Session, APP_ORIGIN);
    return session;
  }

  it('refuses every permission request and check', () => {
    const session = fakeSession();
    const decide = vi.fn();
    session.setPermissionRequestHandler.mock.calls[0]![0]({}, 'media', decide);
    expect(decide).toHaveBeenCalledWith(false);
    expect(session.setPermissionCheckHandler.mock.calls[0]![0]({}, 'geolocation')).toBe(false);
  });

  it("adds the app's CSP to every response", () => {
    const session = fakeSession();
    const respond = vi.fn();
    session.webRequest.onHeadersReceived.mock.calls[0]![0]({ responseHeaders: { 'Content-Type': ['text/html'] } }, respond);
    const headers = respond.mock.calls[0]![0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headers['Content-Security-Policy']?.[0]).toContain('connect-src \'self\' ws://127.0.0.1:40123');
  });
});
