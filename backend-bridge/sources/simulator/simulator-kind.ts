/** The embedded traffic simulator as a source kind: the offline demo and the default. */
import * as v from 'valibot';
import { MAX_SEED } from '../../protocol';
import { defineSourceKind } from '../source-kind';
import { SimulatorSource } from './simulator-source';

export const simulatorSourceKind = defineSourceKind({
  kind: 'simulator',
  configSchema: v.strictObject({
    kind: v.literal('simulator'),
    /** Seed of the traffic simulation's random choices. @default the demo city's seed */
    seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_SEED))),
  }),
  capabilities: { bringsOwnAlerts: false },
  create: (config, { city }) => new SimulatorSource(city, { sim: { seed: config.seed ?? city.meta.seed ?? 0 } }),
});
