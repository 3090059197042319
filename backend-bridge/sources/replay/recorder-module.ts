/**
 * Records every live event of whatever source runs to an NDJSON file that a
 * replay can play back. It subscribes to the bus like any module, first, so
 * a line is written before the other modules act on the event.
 */
import type { BridgeModule, BridgeModuleContext } from '../../core/bridge-module';
import { StreamRecorder } from './stream-recorder';

/** @param cityVersion the city's content version (`encodeCityPayload`), which a replay checks against */
export function createRecorderModule(context: BridgeModuleContext, recordFile: string, cityVersion: string): BridgeModule {
  const { meta } = context.city;
  const recorder = new StreamRecorder(recordFile, { cityId: meta.id, cityVersion, linkCount: meta.links.length, source: context.source.name }, context.log);
  return {
    name: 'recorder',
    events: recorder,
    health: () => ({ file: recorder.file }),
    close: () => recorder.close(),
  };
}
