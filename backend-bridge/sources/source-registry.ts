/**
 * The one place a source kind is registered. The config file's `source`
 * section, `createSource` and every capability check read from here, so a
 * new source is its folder under sources/ plus one entry in SOURCE_KINDS.
 */
import * as v from 'valibot';
import { type Finding, rule } from '../protocol/validation';
import { mqttSourceKind } from './mqtt/mqtt-kind';
import { replaySourceKind } from './replay/replay-kind';
import { simulatorSourceKind } from './simulator/simulator-kind';
import { sumoSourceKind } from './sumo/sumo-kind';
import type { SourceCapabilities, SourceContext } from './source-kind';
import type { LiveSource } from './live-source';

/** Every source kind there is. */
export const SOURCE_KINDS = [simulatorSourceKind, mqttSourceKind, replaySourceKind, sumoSourceKind] as const;

/** The tuple of the kinds' config schemas, in registry order. */
type ConfigSchemas<T extends readonly { configSchema: unknown }[]> = { [I in keyof T]: T[I]['configSchema'] };

const sectionSchema = v.variant(
  'kind',
  SOURCE_KINDS.map((entry) => entry.configSchema) as unknown as ConfigSchemas<typeof SOURCE_KINDS>,
);
export type SourceConfig = v.InferOutput<typeof sectionSchema>;
export type SourceKindName = SourceConfig['kind'];

/**
 * A registered kind seen through the common section type. Sound because the
 * variant hands each kind only a section whose `kind` is its own.
 */
interface RegisteredKind {
  capabilities: SourceCapabilities;
  checkConfig?: (config: SourceConfig) => Finding | undefined;
  resolveFiles?: (config: SourceConfig, resolve: (path: string) => string) => SourceConfig;
  create(config: SourceConfig, context: SourceContext): LiveSource;
}
const BY_KIND = new Map(SOURCE_KINDS.map((entry) => [entry.kind, entry as unknown as RegisteredKind]));
const registered = (kind: SourceKindName): RegisteredKind => BY_KIND.get(kind)!;

/** The config file's `source` section: one variant per registered kind, told apart by `kind`. */
export const sourceConfigSchema = v.pipe(
  sectionSchema,
  rule((config: SourceConfig) => registered(config.kind).checkConfig?.(config)),
);

/** What the configured kind can do. */
export const sourceCapabilities = (config: SourceConfig): SourceCapabilities => registered(config.kind).capabilities;

/** Builds the source a checked `source` section asks for. */
export const createRegisteredSource = (config: SourceConfig, context: SourceContext): LiveSource =>
  registered(config.kind).create(config, context);

/** The section with its file paths resolved against the config file's directory. */
export const resolveSourceFiles = (config: SourceConfig, resolve: (path: string) => string): SourceConfig =>
  registered(config.kind).resolveFiles?.(config, resolve) ?? config;
