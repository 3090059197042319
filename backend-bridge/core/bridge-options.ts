/**
 * Options of a running bridge, with every default in one place.
 */
import { CORRELATION_DEFAULTS, type CorrelationOptions } from '../alerts/correlation';
import type { CityModel } from '../city/city-model';
import type { LiveSource } from '../sources/live-source';
import { ALERT_FANOUT_DEFAULTS } from '../alerts/alert-fanout';
import type { TokenRegistry } from '../auth/token-registry';
import { DEFAULT_MAX_CAP_BYTES } from '../alerts/cap/cap-endpoint';
import { type CockpitSettings, DEFAULT_COCKPIT_SETTINGS } from '../protocol/cockpit-settings';

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
  /**
   * Directory of the database (alerts, their stream, the audit log); created
   * when missing. null keeps everything in memory, for tests. @default null
   */
  dataDir: string | null;
  /** How long a Severe or Extreme alert may stay unacknowledged before it escalates, wall ms. @default 120_000 */
  escalateAfterMs: number;
  /** Demo alerts per sim hour on the day's average, riding on the source's sim time; 0 for none. @default 0 */
  demoAlertsPerHour: number;
  /** When several kinds of alert make a risk point. @default CORRELATION_DEFAULTS (30 sim min, 600 m, 3 kinds) */
  correlation: CorrelationOptions;
  /** Most alert events replayed to a resuming client; further behind it gets a snapshot. @default 10_000 */
  maxReplayEvents: number;
  /** Socket backlog above which a client is disconnected (it resumes when back), bytes. @default 32 MiB */
  maxBufferedAlertBytes: number;
  /** Largest CAP message accepted, bytes. @default 256 KiB */
  maxCapBytes: number;
  /** Alert events older than this are pruned from the stream's log (alerts are kept), ms. @default 7 days */
  eventRetentionMs: number;
  /** The video wall's layout file (JSON); null for the built-in one-screen layout. @default null */
  wallLayoutFile: string | null;
  /** Directory of the city's 3D Tiles tileset, served under TILESET_URL_PREFIX; null for none. @default null */
  tilesetDir: string | null;
  /** Record every live event to this new NDJSON file (for a replay); null records nothing. @default null */
  recordFile: string | null;
  /** The cockpit's targets and TV page time. @default DEFAULT_COCKPIT_SETTINGS */
  cockpit: CockpitSettings;
}

export const BRIDGE_DEFAULTS = {
  port: 8080,
  host: '127.0.0.1',
  heartbeatIntervalMs: 5000,
  maxBufferedTrafficBytes: 1024 * 1024,
  handshakeTimeoutMs: 10_000,
  dataDir: null,
  escalateAfterMs: 120_000,
  demoAlertsPerHour: 0,
  correlation: CORRELATION_DEFAULTS,
  ...ALERT_FANOUT_DEFAULTS,
  maxCapBytes: DEFAULT_MAX_CAP_BYTES,
  eventRetentionMs: 7 * 86_400_000,
  wallLayoutFile: null,
  tilesetDir: null,
  recordFile: null,
  cockpit: DEFAULT_COCKPIT_SETTINGS,
} as const;
