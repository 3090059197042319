/**
 * Command-line flags of the bridge, read by node:util's parseArgs. Parsing is
 * pure so every flag and every error message is tested without starting a server.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { MAX_DEMO_ALERTS_PER_HOUR } from '../alerts/demo/demo-alert-generator';
import { BRIDGE_DEFAULTS } from '../core/bridge-options';
import { MAX_SEED } from '../protocol';
import { DEFAULT_LINK_TTL_MS } from '../auth/credential-store';

/** Demo alerts per sim hour unless `--alert-rate` says otherwise: about one a minute at 1× speed. */
export const DEFAULT_ALERT_RATE_PER_HOUR = 60;
/** The data directory unless `--data-dir` says otherwise, relative to the app root. */
export const DEFAULT_DATA_DIR_NAME = '.citybrain-data';
/** Longest `--link-days`: a year. */
const MAX_LINK_DAYS = 365;
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
  /** Run this SUMO scenario (`.sumocfg`) as the source, its network as the city (`--sumo`). */
  sumoFile: string | undefined;
  /** Record the source's stream to this new file (`--record`). */
  recordFile: string | undefined;
  /** The video wall's layout file (`--wall-layout`); undefined means the config's, else the built-in layout. */
  wallLayoutFile: string | undefined;
  /** Demo alerts per sim hour, 0 for none. @default DEFAULT_ALERT_RATE_PER_HOUR */
  alertRatePerHour: number;
  /** Seconds a Severe or Extreme alert may stay unacknowledged before it escalates. @default 120 */
  escalateAfterS: number;
  /** Days a printed demo link stays valid (`--link-days`). @default 7 (DEFAULT_LINK_TTL_MS) */
  linkDays: number;
  /** List the data directory's links and paired devices and exit, without starting the server. */
  listDevices: boolean;
  /** Revoke this link or device id in the data directory and exit, without starting the server. */
  revokeDevice: string | undefined;
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
  --sumo FILE       run the SUMO scenario FILE (.sumocfg) as the source; its network is the city
  --wall-layout FILE
                    the video wall's layout (JSON; default: one screen)
  --alert-rate N    demo alerts per sim hour on the day's average, 0 for none
                    (default ${DEFAULT_ALERT_RATE_PER_HOUR}, at most ${MAX_DEMO_ALERTS_PER_HOUR})
  --escalate-after-s N
                    seconds (wall time) a Severe or Extreme alert may stay unacknowledged
                    before it escalates (default ${BRIDGE_DEFAULTS.escalateAfterMs / 1000}, 1 to ${MAX_ESCALATE_AFTER_S})
  --link-days N     days a link printed at start stays valid, 1 to ${MAX_LINK_DAYS} (default ${DEFAULT_LINK_TTL_MS / 86_400_000});
                    a screen opened with it pairs itself and keeps working after
  --list-devices    list the data directory's links and paired devices, then exit
  --revoke-device ID
                    revoke a link or device of the data directory, then exit
                    (a running bridge refuses it at its next connection)
  --help            show this text`;

export class CliError extends Error {
  override name = 'CliError';
}

/** The flags parseArgs reads; every value is a string, checked for its meaning below. */
const FLAGS = {
  config: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  renderer: { type: 'string' },
  'no-renderer': { type: 'boolean' },
  seed: { type: 'string' },
  'data-dir': { type: 'string' },
  replay: { type: 'string' },
  record: { type: 'string' },
  sumo: { type: 'string' },
  'wall-layout': { type: 'string' },
  'alert-rate': { type: 'string' },
  'escalate-after-s': { type: 'string' },
  'link-days': { type: 'string' },
  'list-devices': { type: 'boolean' },
  'revoke-device': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

type Flag = keyof typeof FLAGS;
type ValueFlag = { [F in Flag]: (typeof FLAGS)[F]['type'] extends 'string' ? F : never }[Flag];

/** What each flag with a value needs, for the error when it is missing. */
const NEEDS: Record<ValueFlag, string> = {
  config: 'a file',
  port: 'a value',
  host: 'an address',
  renderer: 'a directory',
  seed: 'a value',
  'data-dir': 'a directory',
  replay: 'a file',
  record: 'a file',
  sumo: 'a file',
  'wall-layout': 'a file',
  'alert-rate': 'a value',
  'escalate-after-s': 'a value',
  'link-days': 'a value',
  'revoke-device': 'an id (see --list-devices)',
};

/** Loose, so that the words of the errors below stay ours; tokens tell what each argument was. */
const parse = (argv: readonly string[]) => parseArgs({ args: [...argv], options: FLAGS, strict: false, allowPositionals: true, tokens: true });

const isFlag = (name: string): name is Flag => Object.hasOwn(FLAGS, name);
const takesValue = (flag: Flag): flag is ValueFlag => FLAGS[flag].type === 'string';

/**
 * Refuses what loose parsing lets through: unknown flags, stray arguments, a
 * flag without its value (or with the next flag where its value should be) and
 * a value given to a switch.
 */
function checkTokens(argv: readonly string[], tokens: ReturnType<typeof parse>['tokens']): void {
  for (const token of tokens) {
    if (token.kind !== 'option' || !isFlag(token.name)) {
      throw new CliError(`unknown option ${JSON.stringify(argv[token.index])} (see --help)`);
    }
    const flag = token.name;
    if (!takesValue(flag)) {
      if (token.value !== undefined) throw new CliError(`${token.rawName} takes no value`);
    } else if (!token.value || token.value.startsWith('--')) {
      throw new CliError(`${token.rawName} needs ${NEEDS[flag]}`);
    }
  }
}

function inRange(flag: string, value: number, min: number, max: number): number {
  if (value < min || value > max) throw new CliError(`${flag} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function integer(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) throw new CliError(`${flag} must be an integer, got ${JSON.stringify(text)}`);
  return inRange(flag, Number(text), min, max);
}

function decimal(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(text)) throw new CliError(`${flag} must be a number, got ${JSON.stringify(text)}`);
  return inRange(flag, Number(text), min, max);
}

export function parseCliOptions(argv: readonly string[]): CliOptions {
  const { values, tokens } = parse(argv);
  checkTokens(argv, tokens);
  const text = (flag: ValueFlag): string | undefined => {
    const value = values[flag];
    return typeof value === 'string' ? value : undefined;
  };
  const options: CliOptions = {
    configFile: text('config'),
    port: integer('--port', text('port'), 0, 65535),
    host: text('host'),
    rendererDir: text('renderer'),
    noRenderer: values['no-renderer'] === true,
    seed: integer('--seed', text('seed'), 0, MAX_SEED),
    dataDir: text('data-dir'),
    replayFile: text('replay'),
    recordFile: text('record'),
    sumoFile: text('sumo'),
    wallLayoutFile: text('wall-layout'),
    alertRatePerHour: decimal('--alert-rate', text('alert-rate'), 0, MAX_DEMO_ALERTS_PER_HOUR) ?? DEFAULT_ALERT_RATE_PER_HOUR,
    escalateAfterS: decimal('--escalate-after-s', text('escalate-after-s'), 1, MAX_ESCALATE_AFTER_S) ?? BRIDGE_DEFAULTS.escalateAfterMs / 1000,
    linkDays: decimal('--link-days', text('link-days'), 1, MAX_LINK_DAYS) ?? DEFAULT_LINK_TTL_MS / 86_400_000,
    listDevices: values['list-devices'] === true,
    revokeDevice: text('revoke-device'),
    help: values.help === true,
  };
  if (options.listDevices && options.revokeDevice) throw new CliError('--list-devices and --revoke-device exclude each other');
  if (options.noRenderer && options.rendererDir) throw new CliError('--renderer and --no-renderer exclude each other');
  if (options.replayFile && options.sumoFile) throw new CliError('--replay and --sumo exclude each other (each is the source)');
  if (options.replayFile && options.recordFile) throw new CliError('--replay and --record exclude each other (copy the recording instead)');
  return options;
}
