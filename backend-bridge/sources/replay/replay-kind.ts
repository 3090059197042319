/** A recording played back as a source kind: a demo or an incident review without the live system. */
import * as v from 'valibot';
import { SIM_SPEED_FACTOR_RANGE } from '../../protocol';
import { defineSourceKind } from '../source-kind';
import { RecordingFile } from './recording-file';
import { ReplaySource } from './replay-source';

export const replaySourceKind = defineSourceKind({
  kind: 'replay',
  configSchema: v.strictObject({
    kind: v.literal('replay'),
    /** A recording made with `record` or `--record`. */
    file: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)),
    /** Sim seconds replayed per wall second. @default 1 */
    speedFactor: v.optional(v.pipe(v.number(), v.minValue(SIM_SPEED_FACTOR_RANGE.min), v.maxValue(SIM_SPEED_FACTOR_RANGE.max))),
    /** Start paused, waiting for an operator to press play. @default false */
    paused: v.optional(v.boolean()),
  }),
  resolveFiles: (config, resolve) => ({ ...config, file: resolve(config.file) }),
  // The demo's generated alerts go with a replay as with the simulator it usually recorded.
  capabilities: { bringsOwnAlerts: false },
  create: (config, { city, cityVersion, log }) => {
    const recording = RecordingFile.open(config.file, { id: city.meta.id, version: cityVersion(), linkCount: city.meta.links.length });
    return new ReplaySource(recording, log, {
      ...(config.speedFactor !== undefined && { speedFactor: config.speedFactor }),
      ...(config.paused !== undefined && { paused: config.paused }),
    });
  },
});
