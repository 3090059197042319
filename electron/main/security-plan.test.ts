import { describe, expect, it } from 'vitest';
import { buildCsp, isSameOrigin, withCsp } from './security-plan';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('buildCsp', () => {
  const csp = directives(buildCsp('http://127.0.0.1:40123'));

  it("allows the bridge's WebSocket and nothing remote for connections", () => {
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:40123', 'data:', 'blob:']);
  });

  it('uses wss: for a bridge served over https', () => {
    expect(directives(buildCsp('https://bridge.ops.local:8443')).get('connect-src')).toContain('wss://bridge.ops.local:8443');
  });

  it('gives Cesium blob: workers and WebAssembly without eval', () => {
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('allows data:/blob: images, self and data: fonts, and inline styles', () => {
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('font-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });

  it('names no origin but the bridge anywhere', () => {
    const hosts = buildCsp('http://127.0.0.1:40123').match(/[a-z]+:\/\/[^\s;]+/g);
    expect(hosts).toEqual(['ws://127.0.0.1:40123']);
    expect(buildCsp('http://127.0.0.1:40123')).not.toMatch(/'unsafe-eval'|\*/);
  });
});

describe('isSameOrigin', () => {
  const origin = 'http://127.0.0.1:40123';

  it('accepts another route of the app', () => {
    expect(isSameOrigin('http://127.0.0.1:40123/#/wall?token=x', origin)).toBe(true);
  });

  it('refuses another port, scheme or host', () => {
    expect(isSameOrigin('http://127.0.0.1:40124/', origin)).toBe(false);
    expect(isSameOrigin('https://127.0.0.1:40123/', origin)).toBe(false);
    expect(isSameOrigin('http://localhost:40123/', origin)).toBe(false);
    expect(isSameOrigin('file:///etc/passwd', origin)).toBe(false);
  });

  it('refuses something that is not a URL', () => {
    expect(isSameOrigin('javascript alert(1)', origin)).toBe(false);
  });
});

describe('withCsp', () => {
  it('adds the header when the response has none', () => {
    expect(withCsp({ 'Content-Type': ['text/html'] }, "default-src 'self'")).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'self'"],
    });
  });

  it("keeps the server's own policy beside ours, whatever case its header name has", () => {
    const headers = { 'content-security-policy': ["default-src 'none'"] };
    expect(withCsp(headers, "default-src 'self'")).toEqual({
      'content-security-policy': ["default-src 'none'", "default-src 'self'"],
    });
    expect(headers['content-security-policy']).toEqual(["default-src 'none'"]);
  });

  it('works when Electron passes no headers at all', () => {
    expect(withCsp(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});
