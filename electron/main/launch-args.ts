/**
 * Command-line flags of the desktop app, e.g. `city-brain --config wall.json`
 * or `npm start -- --config wall.json`. Parsing is pure so every flag and every
 * error message is tested without Electron.
 */
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
  '--no-sandbox',
  '--disable-gpu',
  '--disable-gpu-sandbox',
  '--enable-logging',
  '--v',
  '--vmodule',
  '--inspect',
  '--inspect-brk',
  '--remote-debugging-port',
  '--ozone-platform',
  '--ozone-platform-hint',
  '--enable-features',
  '--disable-features',
  '--force-device-scale-factor',
  '--lang',
]);

const USAGE = 'flags: --config FILE, --seed N, --replay FILE, --bridge-config FILE';

/**
 * The arguments meant for the app: what follows the executable, and also the
 * app directory when Electron runs as the default app (`electron . --config x.json`,
 * where Electron sets `process.defaultApp`).
 */
export function userArgs(argv: readonly string[], defaultApp: boolean): string[] {
  return argv.slice(defaultApp ? 2 : 1);
}

export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const args: LaunchArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const equals = arg.indexOf('=');
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    const inline = equals > 0 ? arg.slice(equals + 1) : undefined;
    const value = (what: string): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '' || next.startsWith('--')) {
        throw new LaunchArgsError(`${name} needs ${what}`);
      }
      return next;
    };
    switch (name) {
      case '--config':
        args.configFile = value('a file');
        break;
      case '--replay':
        args.replayFile = value('a file');
        break;
      case '--bridge-config':
        args.bridgeConfigFile = value('a file');
        break;
      case '--seed':
        args.seed = seedFrom(value('an integer'));
        break;
      default:
        if (ENGINE_SWITCHES.has(name)) break;
        throw new LaunchArgsError(`unknown argument ${JSON.stringify(arg)} (${USAGE})`);
    }
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
