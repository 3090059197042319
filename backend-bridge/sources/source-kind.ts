/**
 * What a source kind declares to be registered (see source-registry.ts):
 * the `source` section of the config file that selects it, how to build it,
 * and what it can do, so the bridge never asks which source runs.
 */
import type * as v from 'valibot';
import type { CityModel } from '../city/city-model';
import type { Logger } from '../core/log';
import type { Finding } from '../protocol/validation';
import type { LiveSource } from './live-source';

/**
 * What the bridge must know of a source before it runs. (What it can do at
 * run time is its own interface: `signals` where it has signals, `seek`
 * where it is a replay, and a refusal from `setClock` where the clock is
 * not the bridge's to change.)
 */
export interface SourceCapabilities {
  /** Alerts arrive from the source itself (field systems), so the bridge generates no demo alerts. */
  bringsOwnAlerts: boolean;
}

/** What every factory gets besides its own config section. */
export interface SourceContext {
  city: CityModel;
  /** The city's content version (`encodeCityPayload`), which recordings are keyed by. */
  cityVersion: () => string;
  log: Logger;
}

/** The config section of a kind: an object whose `kind` is the kind's name. */
export type SourceConfigSchema<TKind extends string> = v.StrictObjectSchema<{ kind: v.LiteralSchema<TKind, undefined> } & v.ObjectEntries, undefined>;

export interface SourceKind<TKind extends string, TSchema extends SourceConfigSchema<TKind>> {
  kind: TKind;
  /** The config file's `source` section for this kind, `kind` included. */
  configSchema: TSchema;
  /** A rule across fields of the section that its schema cannot say field by field; paths are relative to the section. */
  checkConfig?: (config: v.InferOutput<TSchema>) => Finding | undefined;
  /** The section with its file paths resolved by `resolve` (against the config file's directory). */
  resolveFiles?: (config: v.InferOutput<TSchema>, resolve: (path: string) => string) => v.InferOutput<TSchema>;
  capabilities: SourceCapabilities;
  create(config: v.InferOutput<TSchema>, context: SourceContext): LiveSource;
}

/** Declares a kind with its types checked against each other; the registry lists what this returns. */
export const defineSourceKind = <TKind extends string, TSchema extends SourceConfigSchema<TKind>>(
  kind: SourceKind<TKind, TSchema>,
): SourceKind<TKind, TSchema> => kind;
