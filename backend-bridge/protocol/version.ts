/**
 * Wire protocol version. Bumped on any incompatible change; the version is also
 * carried in the WebSocket subprotocol name so a mismatched client is refused
 * before it sends a byte.
 */
export const PROTOCOL_VERSION = 1;

/** URL path of the bridge's WebSocket, on the same origin as the page. */
export const WS_PATH = '/ws';

/** WebSocket subprotocol offered by clients and selected by the bridge. */
export const SUBPROTOCOL = `citybrain.v${PROTOCOL_VERSION}`;

/**
 * Largest client message the bridge parses, in bytes. Larger messages get an
 * error reply and are dropped; the connection stays open.
 */
export const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;

/**
 * Hard cap enforced by the socket layer, in bytes. A frame above this is not
 * even buffered: the socket is closed with 1009 (message too big).
 */
export const MAX_CLIENT_FRAME_BYTES = 1024 * 1024;

/** Close codes used by the bridge (4000–4999 is the application range). */
export const CloseCode = {
  /** The first message was not a valid `hello`. */
  badHandshake: 4400,
  /** The token in `hello` is unknown or expired. */
  invalidToken: 4401,
  /** The client speaks another protocol version. */
  protocolMismatch: 4406,
  /** No `hello` arrived in time. */
  handshakeTimeout: 4408,
  /** The bridge is shutting down; reconnect later. */
  goingAway: 1001,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];
