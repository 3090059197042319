/**
 * Reads a SUMO configuration (`.sumocfg`) for what the bridge and the RESCO
 * benchmark need: the network, the demand, the additional files, the time
 * window and the step length. File paths in it are relative to the
 * configuration's own folder, as SUMO reads them. One reader for both, so a
 * scenario the benchmark accepts is one the bridge accepts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { XmlElement } from './network/net-file-error';
import { readXmlTree } from './network/xml-tree';

export interface SumoCfg {
  /** Absolute path of the .sumocfg itself. */
  cfgFile: string;
  netFile: string;
  routeFiles: string[];
  /** May define vehicles, programs and polygons too, so readers look in them as well. */
  additionalFiles: string[];
  /** Simulation window, in seconds of SUMO time. */
  beginS: number;
  endS: number;
  /** Simulation seconds one SUMO step advances. @default 1 (SUMO's own default) */
  stepLengthS: number;
}

/** The first child `name` of `parent`, or undefined. */
function child(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  const children = parent?.[name];
  return Array.isArray(children) ? (children[0] as XmlElement | undefined) : undefined;
}

/** Options may sit in a section (`<input><net-file .../></input>`) or directly under `<configuration>`. */
function optionValue(configuration: XmlElement, sections: readonly string[], option: string): string | undefined {
  for (const holder of [configuration, ...sections.map((section) => child(configuration, section))]) {
    const value = child(holder, option)?.value;
    if (typeof value === 'string') return value;
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
  if (value === undefined) throw new Error(`${cfgFile}: <${option}> is missing; a scenario needs its time window`);
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
    throw new Error(`${cfgFile}: <${option} value=${JSON.stringify(value)}> is not a time in seconds`);
  }
  return seconds;
}

function readConfiguration(cfgFile: string): XmlElement {
  let xml: string;
  try {
    xml = readFileSync(cfgFile, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new Error(`${cfgFile}: cannot be read (${reason})`);
  }
  let root: { tag: string; element: XmlElement };
  try {
    root = readXmlTree(xml);
  } catch (error) {
    throw new Error(`${cfgFile}: ${(error as Error).message}`);
  }
  if (root.tag !== 'configuration') throw new Error(`${cfgFile}: the root element is <${root.tag}>, not <configuration>`);
  return root.element;
}

export function readSumoCfg(file: string): SumoCfg {
  const cfgFile = resolve(file);
  const configuration = readConfiguration(cfgFile);
  const netFiles = fileList(optionValue(configuration, ['input'], 'net-file'), cfgFile, 'net-file');
  if (netFiles.length !== 1) throw new Error(`${cfgFile}: needs exactly one <net-file>, found ${netFiles.length}`);
  const routeFiles = fileList(optionValue(configuration, ['input'], 'route-files'), cfgFile, 'route-files');
  if (routeFiles.length === 0) throw new Error(`${cfgFile}: <route-files> is missing; a scenario needs demand`);
  const additionalFiles = fileList(optionValue(configuration, ['input'], 'additional-files'), cfgFile, 'additional-files');
  const beginS = timeS(optionValue(configuration, ['time'], 'begin'), cfgFile, 'begin');
  const endS = timeS(optionValue(configuration, ['time'], 'end'), cfgFile, 'end');
  if (endS <= beginS) throw new Error(`${cfgFile}: <end> ${endS} must be after <begin> ${beginS}`);
  const stepText = optionValue(configuration, ['time'], 'step-length');
  const stepLengthS = stepText === undefined ? 1 : timeS(stepText, cfgFile, 'step-length');
  if (stepLengthS <= 0) throw new Error(`${cfgFile}: <step-length> must be more than 0 s, got ${stepLengthS}`);
  return { cfgFile, netFile: netFiles[0]!, routeFiles, additionalFiles, beginS, endS, stepLengthS };
}
