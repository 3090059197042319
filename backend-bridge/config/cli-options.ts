/**
 * Command-line flags of the bridge. Parsing is pure so every flag and every
 * error message is tested without starting a server.
 */
import { MAX_DEMO_ALERTS_PER_HOUR } from '../alerts/demo/demo-alert-generator';
import { BRIDGE_DEFAULTS } from '../core/bridge-options';
import { MAX_SEED } from '../protocol';

/** Demo alerts per sim hour unless `--alert-rate` says otherwise: about one a minute at 1× speed. */
export const DEFAULT_ALERT_RATE_PER_HOUR = 60;
/** The data directory unless `--data-dir` says otherwise, relative to the app root. */
export const DEFAULT_DATA_DIR_NAME = '.citybrain-data';
/** Longest `--escalate-after-s`: a day. */
const MAX_ESCALATE_AFTER_S = 86_400;

/**
 * What the command line says. Settings the config file also holds are
 * undefined when no flag gives them, so the file's value (or the default)
 * stands: see config/resolve-settings.ts.
 */
export interface CliOptions {
  /** The config file (`--config`); undefined runs the offline demo with defaults. */
  configFile: string | undefined;
  /** TCP port; undefined means the config's, else BRIDGE_DEFAULTS.port. */
  port: number | undefined;
  /** Interface to listen on; undefined means the config's, else BRIDGE_DEFAULTS.host. */
  host: string | undefined;
  /** Explicit renderer directory; undefined means the packaged default. */
  rendererDir: string | undefined;
  /** Serve data only, no renderer. */
  noRenderer: boolean;
  /** Seed of the generated demo city; undefined means the default seed. */
  seed: number | undefined;
  /** Directory of the database; undefined means the config's, else `<app root>/.citybrain-data`. */
  dataDir: string | undefined;
  /** Replay this recording instead of the configured source (`--replay`). */
  replayFile: string | undefined;
  /** Record the source's stream to this new file (`--record`). */
  recordFile: string | undefined;
  /** The video wall's layout file (`--wall-layout`); undefined means the config's, else the built-in layout. */
  wallLayoutFile: string | undefined;
  /** Demo alerts per sim hour, 0 for none. @default DEFAULT_ALERT_RATE_PER_HOUR */
  alertRatePerHour: number;
  /** Seconds a Severe or Extreme alert may stay unacknowledged before it escalates. @default 120 */
  escalateAfterS: number;
  help: boolean;
}

export const USAGE = `Usage: node dist/bridge/main.js [options]

Starts the City Brain backend bridge: with no config, the offline demo city
and its traffic simulation. Flags override the config file.

  --config FILE     config file (JSON; see docs/configuration.md)
  --port N          TCP port, 0 for any free port (default ${BRIDGE_DEFAULTS.port})
  --host ADDR       interface to listen on (default ${BRIDGE_DEFAULTS.host}; 0.0.0.0 for the LAN)
  --renderer DIR    built renderer to serve (default dist/renderer)
  --no-renderer     serve data and WebSocket only
  --seed N          seed of the generated demo city (integer)
  --data-dir DIR    where the database of alerts and the audit log lives, created if missing
                    (default <app root>/${DEFAULT_DATA_DIR_NAME})
  --replay FILE     replay a recording instead of the configured source
  --record FILE     record the source's stream to FILE (a new file)
  --wall-layout FILE
                    the video wall's layout (JSON; default: one screen)
  --alert-rate N    demo alerts per sim hour on the day's average, 0 for none
                    (default ${DEFAULT_ALERT_RATE_PER_HOUR}, at most ${MAX_DEMO_ALERTS_PER_HOUR})
  --escalate-after-s N
                    seconds (wall time) a Severe or Extreme alert may stay unacknowledged
                    before it escalates (default ${BRIDGE_DEFAULTS.escalateAfterMs / 1000}, 1 to ${MAX_ESCALATE_AFTER_S})
  --help            show this text`;

export class CliError extends Error {
  override name = 'CliError';
}

function integer(flag: string, text: string | undefined, min: number, max: number): number {
  if (text === undefined || text.startsWith('--')) throw new CliError(`${flag} needs a value`);
  if (!/^-?\d+$/.test(text)) throw new CliError(`${flag} must be an integer, got ${JSON.stringify(text)}`);
  const value = Number(text);
  if (value < min || value > max) throw new CliError(`${flag} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function decimal(flag: string, text: string | undefined, min: number, max: number): number {
  if (text === undefined || text.startsWith('--')) throw new CliError(`${flag} needs a value`);
  if (!/^\d+(\.\d+)?$/.test(text)) throw new CliError(`${flag} must be a number, got ${JSON.stringify(text)}`);
  const value = Number(text);
  if (value < min || value > max) throw new CliError(`${flag} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function pathValue(flag: string, text: string | undefined, what: 'directory' | 'file'): string {
  if (!text || text.startsWith('--')) throw new CliError(`${flag} needs a ${what}`);
  return text;
}

export function parseCliOptions(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    configFile: undefined,
    port: undefined,
    host: undefined,
    rendererDir: undefined,
    noRenderer: false,
    seed: undefined,
    dataDir: undefined,
    replayFile: undefined,
    recordFile: undefined,
    wallLayoutFile: undefined,
    alertRatePerHour: DEFAULT_ALERT_RATE_PER_HOUR,
    escalateAfterS: BRIDGE_DEFAULTS.escalateAfterMs / 1000,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const [name, inlineValue] = flag.includes('=') ? flag.split(/=(.*)/s, 2) : [flag, undefined];
    const value = () => inlineValue ?? argv[++i];
    switch (name) {
      case '--port':
        options.port = integer('--port', value(), 0, 65535);
        break;
      case '--host': {
        const host = value();
        if (!host || host.startsWith('--')) throw new CliError('--host needs an address');
        options.host = host;
        break;
      }
      case '--config':
        options.configFile = pathValue('--config', value(), 'file');
        break;
      case '--renderer':
        options.rendererDir = pathValue('--renderer', value(), 'directory');
        break;
      case '--data-dir':
        options.dataDir = pathValue('--data-dir', value(), 'directory');
        break;
      case '--replay':
        options.replayFile = pathValue('--replay', value(), 'file');
        break;
      case '--record':
        options.recordFile = pathValue('--record', value(), 'file');
        break;
      case '--wall-layout':
        options.wallLayoutFile = pathValue('--wall-layout', value(), 'file');
        break;
      case '--alert-rate':
        options.alertRatePerHour = decimal('--alert-rate', value(), 0, MAX_DEMO_ALERTS_PER_HOUR);
        break;
      case '--escalate-after-s':
        options.escalateAfterS = decimal('--escalate-after-s', value(), 1, MAX_ESCALATE_AFTER_S);
        break;
      case '--no-renderer':
        options.noRenderer = true;
        break;
      case '--seed':
        options.seed = integer('--seed', value(), 0, MAX_SEED);
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new CliError(`unknown option ${JSON.stringify(flag)} (see --help)`);
    }
  }
  if (options.noRenderer && options.rendererDir) throw new CliError('--renderer and --no-renderer exclude each other');
  if (options.replayFile && options.recordFile) throw new CliError('--replay and --record exclude each other (copy the recording instead)');
  return options;
}
