/**
 * Options of a running bridge, with every default in one place.
 */
import type { CityModel } from '../city/city-model';
import type { LiveSource } from '../sources/live-source';
import type { TokenRegistry } from './auth';

export interface BridgeOptions {
  /** TCP port; 0 picks a free one. @default 8080 */
  port: number;
  /** Interface to listen on. Loopback by default; `0.0.0.0` exposes the bridge to the LAN. @default '127.0.0.1' */
  host: string;
  /** Directory of the built renderer to serve, or null to serve data only. @default dist/renderer */
  rendererDir: string | null;
  /** The city every client is served. */
  city: CityModel;
  /** Accepted tokens and their roles. */
  tokens: TokenRegistry;
  /** Where live traffic comes from; the bridge starts and stops it. */
  source: LiveSource;
  /** Heartbeat period, in ms. @default 5000 */
  heartbeatIntervalMs: number;
  /** Time a new client has to say hello, in ms. @default 10000 */
  handshakeTimeoutMs: number;
  /** Socket backlog above which a client's traffic frames are skipped, bytes. @default 1 MiB */
  maxBufferedTrafficBytes: number;
}

export const BRIDGE_DEFAULTS = {
  port: 8080,
  host: '127.0.0.1',
  heartbeatIntervalMs: 5000,
  maxBufferedTrafficBytes: 1024 * 1024,
  handshakeTimeoutMs: 10_000,
} as const;
