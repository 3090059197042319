/**
 * Response headers shared by every HTTP answer of the bridge. The page's
 * Content-Security-Policy allows nothing but the bridge's own origin: no
 * remote scripts, images, fonts or connections, which is also what keeps the
 * offline demo honest. Cesium needs blob: workers and WebAssembly.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(isHtml: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(isHtml && { 'Content-Security-Policy': CONTENT_SECURITY_POLICY }),
  };
}
