/**
 * Command-line flags of the desktop app, e.g. `city-brain --config wall.json`
 * or `npm start -- --config wall.json`, read by node:util's parseArgs. Parsing
 * is pure so every flag and every error message is tested without Electron.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { MAX_SEED } from '../../backend-bridge/protocol/city';

export interface LaunchArgs {
  /** `--config FILE`: the desktop config; wins over the CITYBRAIN_CONFIG variable. */
  configFile?: string;
  /** `--replay FILE`: a recorded session the demo bridge plays back instead of running the simulator. */
  replayFile?: string;
  /** `--bridge-config FILE`: the demo bridge's own config file (its `--config`), e.g. its data sources. */
  bridgeConfigFile?: string;
  /** `--seed N`: seed of the generated demo city, an integer in [0, MAX_SEED]. */
  seed?: number;
}

export class LaunchArgsError extends Error {
  override name = 'LaunchArgsError';
}

/**
 * Switches that belong to Chromium or Electron rather than to this app. They
 * reach the app's argv too; refusing them would break launches such as
 * `--no-sandbox` inside containers or `--inspect` while debugging.
 */
const ENGINE_SWITCHES: ReadonlySet<string> = new Set([
  'no-sandbox',
  'disable-gpu',
  'disable-gpu-sandbox',
  'enable-logging',
  'v',
  'vmodule',
  'inspect',
  'inspect-brk',
  'remote-debugging-port',
  'ozone-platform',
  'ozone-platform-hint',
  'enable-features',
  'disable-features',
  'force-device-scale-factor',
  'lang',
]);

const USAGE = 'flags: --config FILE, --seed N, --replay FILE, --bridge-config FILE';

/** The app's own flags; each takes a value, checked for its meaning below. */
const FLAGS = {
  config: { type: 'string' },
  replay: { type: 'string' },
  'bridge-config': { type: 'string' },
  seed: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

type Flag = keyof typeof FLAGS;

/** What each flag needs, for the error when its value is missing. */
const NEEDS: Record<Flag, string> = { config: 'a file', replay: 'a file', 'bridge-config': 'a file', seed: 'an integer' };

const isFlag = (name: string): name is Flag => Object.hasOwn(FLAGS, name);

/**
 * The arguments meant for the app: what follows the executable, and also the
 * app directory when Electron runs as the default app (`electron . --config x.json`,
 * where Electron sets `process.defaultApp`).
 */
export function userArgs(argv: readonly string[], defaultApp: boolean): string[] {
  return argv.slice(defaultApp ? 2 : 1);
}

/**
 * Parsed loosely (strict mode would refuse the engine's switches and word its
 * errors its own way); the tokens then say what each argument was.
 */
export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const { tokens } = parseArgs({ args: [...argv], options: FLAGS, strict: false, allowPositionals: true, tokens: true });
  const args: LaunchArgs = {};
  for (const token of tokens) {
    if (token.kind === 'option' && ENGINE_SWITCHES.has(token.name)) continue;
    if (token.kind !== 'option' || !isFlag(token.name)) {
      throw new LaunchArgsError(`unknown argument ${JSON.stringify(argv[token.index])} (${USAGE})`);
    }
    const { value } = token;
    if (!value || value.startsWith('--')) throw new LaunchArgsError(`${token.rawName} needs ${NEEDS[token.name]}`);
    if (token.name === 'config') args.configFile = value;
    else if (token.name === 'replay') args.replayFile = value;
    else if (token.name === 'bridge-config') args.bridgeConfigFile = value;
    else args.seed = seedFrom(value);
  }
  return args;
}

function seedFrom(text: string): number {
  const seed = Number(text);
  if (!/^\d+$/.test(text) || seed > MAX_SEED) {
    throw new LaunchArgsError(`--seed must be an integer from 0 to ${MAX_SEED}, got ${JSON.stringify(text)}`);
  }
  return seed;
}
