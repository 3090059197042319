/**
 * What the bridge runs with: the defaults, overridden by the config file,
 * overridden by the command line. Pure, so every precedence rule is tested
 * without starting anything.
 */
import { resolve } from 'node:path';
import { CliError, type CliOptions } from './cli-options';
import { BRIDGE_DEFAULTS } from '../core/bridge-options';
import type { BridgeConfig, CityConfig, SourceConfig, TokenConfig } from './bridge-config';
import type { SumoSourceConfig } from '../sources/sumo/sumo-kind';
import { type CockpitSettings, DEFAULT_COCKPIT_SETTINGS } from '../protocol/cockpit-settings';

/** The city of a SUMO source: its network, built from the source's own section. */
export interface SumoCitySettings {
  kind: 'sumo';
  source: SumoSourceConfig;
}

export interface BridgeSettings {
  /** @default the traffic simulator */
  source: SourceConfig;
  /** @default the generated demo city; with a SUMO source, its network */
  city: CityConfig | SumoCitySettings;
  /** @default BRIDGE_DEFAULTS.host */
  host: string;
  /** @default BRIDGE_DEFAULTS.port */
  port: number;
  /** Absolute directory of the database; undefined means `<app root>/.citybrain-data`. */
  dataDir: string | undefined;
  /** Certificate and key (PEM files) to serve https and wss with; null serves http and ws. @default null */
  tls: { certFile: string; keyFile: string } | null;
  /** Hashed tokens per role; empty means demo mode (fresh tokens issued at start). @default [] */
  tokens: TokenConfig[];
  /** Where the source's stream is recorded; null records nothing. @default null */
  recordFile: string | null;
  /** The video wall's layout file; null for the built-in one-screen layout. @default null */
  wallLayoutFile: string | null;
  /** The cockpit's targets and TV page time. @default DEFAULT_COCKPIT_SETTINGS */
  cockpit: CockpitSettings;
}

/**
 * @param config the checked config file, paths already absolute; `{}` when there is none
 * @param cwd the directory the command line's relative paths are resolved against
 */
export function resolveSettings(config: BridgeConfig, cli: CliOptions, cwd: string): BridgeSettings {
  const fromCli = (path: string | undefined) => (path === undefined ? undefined : resolve(cwd, path));
  const source = sourceFrom(config, cli, fromCli);
  const city = source.kind === 'sumo' ? sumoCity(source, config.city, cli.seed) : cityWithSeed(config.city ?? { kind: 'demo' }, cli.seed);
  const recordFile = fromCli(cli.recordFile) ?? config.record?.file ?? null;
  if (source.kind === 'replay' && recordFile !== null) {
    throw new CliError(`the source is a replay of ${source.file}; recording it again (to ${recordFile}) would only copy it`);
  }
  return {
    source,
    city,
    host: cli.host ?? config.bridge?.host ?? BRIDGE_DEFAULTS.host,
    port: cli.port ?? config.bridge?.port ?? BRIDGE_DEFAULTS.port,
    dataDir: fromCli(cli.dataDir) ?? config.bridge?.dataDir,
    tls: config.bridge?.tls ?? null,
    tokens: config.tokens ?? [],
    recordFile,
    wallLayoutFile: fromCli(cli.wallLayoutFile) ?? config.wall?.layoutFile ?? null,
    cockpit: config.cockpit ?? DEFAULT_COCKPIT_SETTINGS,
  };
}

function sourceFrom(config: BridgeConfig, cli: CliOptions, fromCli: (path: string | undefined) => string | undefined): SourceConfig {
  if (cli.replayFile !== undefined) return { kind: 'replay', file: fromCli(cli.replayFile)! };
  if (cli.sumoFile !== undefined) {
    // --sumo names the scenario; the config's SUMO section, if any, still says what the city needs.
    const configured = config.source?.kind === 'sumo' ? config.source : { kind: 'sumo' as const };
    return { ...configured, config: fromCli(cli.sumoFile)! };
  }
  return config.source ?? { kind: 'simulator' };
}

function sumoCity(source: SumoSourceConfig, configured: CityConfig | undefined, seed: number | undefined): SumoCitySettings {
  if (configured) throw new CliError(`the city is the SUMO network of ${source.config}, but the config has a city section (${configured.kind})`);
  if (seed !== undefined) throw new CliError(`--seed sets the generated demo city's seed, but the city is the SUMO network of ${source.config}`);
  return { kind: 'sumo', source };
}

function cityWithSeed(city: CityConfig, seed: number | undefined): CityConfig {
  if (seed === undefined) return city;
  if (city.kind !== 'demo') throw new CliError(`--seed sets the generated demo city's seed, but the config loads the city "${city.id}" from files`);
  return { ...city, seed };
}
