/**
 * Checker for an http(s) origin such as `https://bridge.ops.local:8443`:
 * a URL with nothing after the host and port. Returns the normalised origin.
 */
import { type Checker, ValidationError, describe, str } from '../../backend-bridge/protocol/check';

export const httpOrigin: Checker<string> = (value, path) => {
  const text = str({ minLength: 1 })(value, path);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError(path, `expected a URL like https://host:port, got ${describe(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError(path, `must use http or https, got ${url.protocol.slice(0, -1)}`);
  }
  if (url.username || url.password) throw new ValidationError(path, 'must not carry credentials');
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new ValidationError(path, `must be an origin like https://host:port with no path, got ${describe(text)}`);
  }
  return url.origin;
};
