/**
 * Reads a SUMO configuration (`.sumocfg`) for what the benchmark needs: the
 * network, the demand and the time window. File paths in it are relative to
 * the configuration's own folder, as SUMO reads them.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { childElement, readSumoXml, type XmlElement } from './xml-file';

export interface SumoCfg {
  /** Absolute path of the .sumocfg itself. */
  cfgFile: string;
  netFile: string;
  routeFiles: string[];
  /** May define vehicles and programs too, so the demand reader looks in them as well. */
  additionalFiles: string[];
  /** Simulation window, in seconds of SUMO time. */
  beginS: number;
  endS: number;
}

/** Options may sit in a section (`<input><net-file .../></input>`) or directly under `<configuration>`. */
function optionValue(configuration: XmlElement, sections: readonly string[], option: string): string | undefined {
  for (const holder of [configuration, ...sections.map((section) => childElement(configuration, section))]) {
    const element = holder && childElement(holder, option);
    if (element && typeof element.value === 'string') return element.value;
  }
  return undefined;
}

function fileList(value: string | undefined, cfgFile: string, option: string): string[] {
  if (value === undefined) return [];
  const files = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  return files.map((name) => {
    const path = resolve(dirname(cfgFile), name);
    if (!existsSync(path)) throw new Error(`${cfgFile}: ${option} ${name} does not exist (looked for ${path})`);
    return path;
  });
}

function timeS(value: string | undefined, cfgFile: string, option: string): number {
  if (value === undefined) throw new Error(`${cfgFile}: <${option}> is missing; the benchmark needs the time window`);
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
    throw new Error(`${cfgFile}: <${option} value=${JSON.stringify(value)}> is not a time in seconds`);
  }
  return seconds;
}

export function readSumoCfg(file: string): SumoCfg {
  const cfgFile = resolve(file);
  const configuration = childElement(readSumoXml(cfgFile, []), 'configuration');
  if (!configuration) throw new Error(`${cfgFile}: the root element is not <configuration>`);
  const netFiles = fileList(optionValue(configuration, ['input'], 'net-file'), cfgFile, 'net-file');
  if (netFiles.length !== 1) throw new Error(`${cfgFile}: needs exactly one <net-file>, found ${netFiles.length}`);
  const routeFiles = fileList(optionValue(configuration, ['input'], 'route-files'), cfgFile, 'route-files');
  if (routeFiles.length === 0) throw new Error(`${cfgFile}: <route-files> is missing; the benchmark needs demand`);
  const additionalFiles = fileList(optionValue(configuration, ['input'], 'additional-files'), cfgFile, 'additional-files');
  const beginS = timeS(optionValue(configuration, ['time'], 'begin'), cfgFile, 'begin');
  const endS = timeS(optionValue(configuration, ['time'], 'end'), cfgFile, 'end');
  if (endS <= beginS) throw new Error(`${cfgFile}: <end> ${endS} must be after <begin> ${beginS}`);
  return { cfgFile, netFile: netFiles[0]!, routeFiles, additionalFiles, beginS, endS };
}
