/**
 * Reads the desktop config file named by `--config` or CITYBRAIN_CONFIG.
 * Without one the app runs the offline demo.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ValidationError } from '../../backend-bridge/protocol/validation';
import { DEFAULT_DESKTOP_CONFIG, type DesktopConfig, parseDesktopConfig } from './config-plan';

export class DesktopConfigError extends Error {
  override name = 'DesktopConfigError';
}

/**
 * Loads and validates the config at `path` (relative paths resolve against the
 * working directory); `undefined` gives the default config. A relative wall
 * layout file is resolved against the config file's folder, so a config and
 * its layout can be copied together. Rejects with a `DesktopConfigError` that
 * names the file and, for a bad value, the field.
 */
export async function loadDesktopConfig(path: string | undefined): Promise<DesktopConfig> {
  if (path === undefined) return DEFAULT_DESKTOP_CONFIG;
  const file = resolve(path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DesktopConfigError(`cannot read the desktop config ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DesktopConfigError(`the desktop config ${file} is not valid JSON: ${(error as Error).message}`);
  }
  let config: DesktopConfig;
  try {
    config = parseDesktopConfig(json);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new DesktopConfigError(`the desktop config ${file} is wrong: ${error.message}`);
  }
  const layoutFile = config.wall?.layoutFile;
  if (layoutFile) return { ...config, wall: { layoutFile: resolve(dirname(file), layoutFile) } };
  return config;
}
