/**
 * Pure pieces of the window security baseline: the Content-Security-Policy
 * Electron adds to every response, and the same-origin test that decides
 * which navigations a window may make.
 */

/**
 * The policy for pages served by the bridge at `origin`. Only the app's own
 * origin and its WebSocket are reachable: no remote scripts, styles, images,
 * fonts or connections, which also keeps the offline demo honest. Cesium
 * needs blob: workers and WebAssembly ('wasm-unsafe-eval', not 'unsafe-eval');
 * Vue and ECharts set inline styles.
 */
export function buildCsp(origin: string): string {
  const url = new URL(origin);
  const socketOrigin = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    // Cesium fetches data: and blob: URLs it made itself (decoded textures, embedded glTF buffers).
    `connect-src 'self' ${socketOrigin} data: blob:`,
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** True when `url` parses and has exactly the origin `origin` (scheme, host and port). */
export function isSameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}

export type ResponseHeaders = Record<string, string[]>;

/**
 * Adds `csp` to a response's headers. A policy the server already sent is
 * kept: the browser enforces every policy present, so adding ours can only
 * narrow what the page may do, never widen it.
 */
export function withCsp(headers: ResponseHeaders | undefined, csp: string): ResponseHeaders {
  const result: ResponseHeaders = { ...headers };
  const existing = Object.keys(result).find((name) => name.toLowerCase() === 'content-security-policy');
  const key = existing ?? 'Content-Security-Policy';
  result[key] = [...(result[key] ?? []), csp];
  return result;
}
