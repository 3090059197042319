import { describe, expect, it } from 'vitest';
import { browserName, deviceLabel, viewOfPath } from './device-label';

const UA = {
  chrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  electron: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) citybrain/0.1.0 Chrome/130.0.0.0 Electron/33.2.0 Safari/537.36',
};

describe('deviceLabel', () => {
  it('names the browser by its most specific user-agent token', () => {
    expect(browserName(UA.chrome)).toBe('Chrome');
    expect(browserName(UA.edge)).toBe('Edge');
    expect(browserName(UA.firefox)).toBe('Firefox');
    expect(browserName(UA.safari)).toBe('Safari');
    expect(browserName(UA.electron)).toBe('Desktop app');
    expect(browserName('')).toBe('Browser');
    // Headless Chromium says HeadlessChrome: still Chrome, not the Safari token after it.
    expect(browserName(UA.chrome.replace('Chrome/', 'HeadlessChrome/'))).toBe('Chrome');
  });

  it('labels a screen with its view and browser', () => {
    expect(deviceLabel(viewOfPath('/wall'), UA.chrome)).toBe('Wall · Chrome');
    expect(deviceLabel(viewOfPath('/console/alerts'), UA.firefox)).toBe('Console · Firefox');
    expect(viewOfPath('/')).toBe('page');
  });
});
