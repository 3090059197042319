/**
 * The narrow socket seam between the bridge client and the browser: the client
 * never touches `WebSocket` directly, so its state machine runs under test
 * with a fake, and no DOM event types leak into it.
 */

/** What the client hears from one socket. */
export interface SocketHandlers {
  opened(): void;
  /** A frame arrived: a string for text frames, an ArrayBuffer for binary ones. */
  received(data: unknown): void;
  /** The socket closed, by either side or by a network failure (code 1006). */
  closed(code: number, reason: string): void;
}

/** What the client may do with one socket. */
export interface SocketHandle {
  send(text: string): void;
  /** Closes the socket; no handler is called for it afterwards. */
  close(code: number, reason: string): void;
}

/** Opens a socket offering `protocol` as its one subprotocol. May throw, like `new WebSocket`. */
export type OpenSocket = (url: string, protocol: string, handlers: SocketHandlers) => SocketHandle;

/** Opens a real browser WebSocket. */
export const openBrowserSocket: OpenSocket = (url, protocol, handlers) => {
  const socket = new WebSocket(url, protocol);
  socket.binaryType = 'arraybuffer';
  socket.onopen = () => handlers.opened();
  socket.onmessage = (event) => handlers.received(event.data);
  socket.onclose = (event) => handlers.closed(event.code, event.reason);
  return {
    send: (text) => socket.send(text),
    close: (code, reason) => {
      // Detach first: a half-dead connection can take long to report its close,
      // and by then the client has moved on to a new socket.
      socket.onopen = socket.onmessage = socket.onclose = null;
      socket.close(code, reason);
    },
  };
};
