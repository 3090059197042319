/**
 * Command-line flags of the bridge. Parsing is pure so every flag and every
 * error message is tested without starting a server.
 */
import { BRIDGE_DEFAULTS } from './server/bridge-options';

export interface CliOptions {
  port: number;
  host: string;
  /** Explicit renderer directory; undefined means the packaged default. */
  rendererDir: string | undefined;
  /** Serve data only, no renderer. */
  noRenderer: boolean;
  /** Seed of the generated demo city; undefined means the default seed. */
  seed: number | undefined;
  help: boolean;
}

export const USAGE = `Usage: node dist/bridge/main.js [options]

Starts the City Brain backend bridge with the offline demo city.

  --port N          TCP port, 0 for any free port (default ${BRIDGE_DEFAULTS.port})
  --host ADDR       interface to listen on (default ${BRIDGE_DEFAULTS.host}; 0.0.0.0 for the LAN)
  --renderer DIR    built renderer to serve (default dist/renderer)
  --no-renderer     serve data and WebSocket only
  --seed N          seed of the generated demo city (integer)
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

export function parseCliOptions(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    port: BRIDGE_DEFAULTS.port,
    host: BRIDGE_DEFAULTS.host,
    rendererDir: undefined,
    noRenderer: false,
    seed: undefined,
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
      case '--renderer': {
        const dir = value();
        if (!dir || dir.startsWith('--')) throw new CliError('--renderer needs a directory');
        options.rendererDir = dir;
        break;
      }
      case '--no-renderer':
        options.noRenderer = true;
        break;
      case '--seed':
        options.seed = integer('--seed', value(), 0, 2 ** 31 - 1);
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
  return options;
}
