/**
 * Reads and checks the config file. Every error names the file and the
 * field; relative paths in the file are resolved against the file's own
 * directory, so a config works from whatever directory the bridge starts in.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ValidationError } from '../protocol';
import { resolveSourceFiles } from '../sources/source-registry';
import { type BridgeConfig, checkBridgeConfig } from './bridge-config';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfigFile(file: string): BridgeConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ConfigError(`config file ${file}: ${reason}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`config file ${file}: not valid JSON (${(error as Error).message})`);
  }
  let config: BridgeConfig;
  try {
    config = checkBridgeConfig(json, 'config');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const field = error.path.replace(/^config\.?/, '') || '(top level)';
    throw new ConfigError(`config file ${file}: ${field}: ${error.reason}`);
  }
  return resolvePaths(config, dirname(resolve(file)));
}

/** The config with every file path made absolute against `baseDir`. */
export function resolvePaths(config: BridgeConfig, baseDir: string): BridgeConfig {
  const at = (path: string) => resolve(baseDir, path);
  const { source, city, bridge, record, wall } = config;
  return {
    ...config,
    ...(source && { source: resolveSourceFiles(source, at) }),
    ...(city && {
      city:
        city.kind === 'files'
          ? {
              ...city,
              buildings: at(city.buildings),
              roads: at(city.roads),
              intersections: at(city.intersections),
              districts: at(city.districts),
              ...(city.tileset !== undefined && { tileset: at(city.tileset) }),
            }
          : city,
    }),
    ...(bridge && {
      bridge: {
        ...bridge,
        ...(bridge.dataDir !== undefined && { dataDir: at(bridge.dataDir) }),
        ...(bridge.tls && { tls: { certFile: at(bridge.tls.certFile), keyFile: at(bridge.tls.keyFile) } }),
      },
    }),
    ...(record && { record: { file: at(record.file) } }),
    ...(wall && { wall: { layoutFile: at(wall.layoutFile) } }),
  };
}
