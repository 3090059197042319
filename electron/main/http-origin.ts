/**
 * Schema of an http(s) origin such as `https://bridge.ops.local:8443`: a
 * URL with nothing after the host and port. Its output is the normalised origin.
 */
import * as v from 'valibot';
import { describe, rule } from '../../backend-bridge/protocol/validation';

export const httpOrigin = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(1024),
  rule((text: string) => {
    const reason = originProblem(text);
    return reason === undefined ? undefined : { reason };
  }),
  v.transform((text) => new URL(text).origin),
);

/** What keeps `text` from being an http(s) origin, or undefined when it is one. */
function originProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `expected a URL like https://host:port, got ${describe(text)}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `must use http or https, got ${url.protocol.slice(0, -1)}`;
  if (url.username || url.password) return 'must not carry credentials';
  if (url.pathname !== '/' || url.search || url.hash) return `must be an origin like https://host:port with no path, got ${describe(text)}`;
  return undefined;
}
