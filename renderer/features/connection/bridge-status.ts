/**
 * What the bridge client publishes about its connection: one frozen
 * snapshot per change.
 */
import type { WelcomeMessage } from '@protocol';

/**
 * - `offline`: not started, or stopped.
 * - `connecting`: a socket is opening or waiting for the bridge's welcome.
 * - `live`: welcomed, and the bridge spoke recently.
 * - `stale`: welcomed, but silent for longer than the stale limit.
 * - `reconnecting`: waiting out the backoff before the next attempt.
 * - `refused`: the bridge turned this client away for good (bad token, wrong
 *   protocol, bad handshake) or the socket could not even be created; no retry.
 */
export type ConnectionState = 'offline' | 'connecting' | 'live' | 'stale' | 'reconnecting' | 'refused';

export interface BridgeStatus {
  state: ConnectionState;
  /** Number of the current or next reconnect attempt; 0 until a connection fails, and again once welcomed. */
  attempt: number;
  /** When the next attempt starts, in epoch ms (client clock); null unless `reconnecting`. */
  nextRetryAt: number | null;
  /** When the last frame arrived, in epoch ms (client clock); frames that change nothing else refresh it at most once a second. */
  lastMessageAt: number | null;
  /** Round-trip time of the latest answered ping, in ms; null until one is answered on this socket. */
  rttMs: number | null;
  /** Bridge clock minus client clock, in ms; kept across reconnects so clocks keep running. */
  serverTimeOffsetMs: number | null;
  /** The latest welcome; kept while reconnecting so the city and role stay on screen. */
  welcome: WelcomeMessage | null;
  /** Clients connected to the bridge, from the latest heartbeat. */
  clients: number | null;
  /** When the bridge counted `clients`, in epoch ms (bridge clock). */
  clientsAt: number | null;
  /** Close code of a refusal by the bridge; null unless refused by the bridge. */
  refusedCode: number | null;
  /** Why the connection was refused, as the bridge or the browser put it; null unless refused. */
  refusedReason: string | null;
  /** Frames that failed validation since the client was created. */
  invalidMessages: number;
}

/** Status of a client that has not started. */
export const OFFLINE_STATUS: BridgeStatus = Object.freeze({
  state: 'offline',
  attempt: 0,
  nextRetryAt: null,
  lastMessageAt: null,
  rttMs: null,
  serverTimeOffsetMs: null,
  welcome: null,
  clients: null,
  clientsAt: null,
  refusedCode: null,
  refusedReason: null,
  invalidMessages: 0,
});
