/**
 * Builds the live source the settings ask for — whichever kind the source
 * registry knows by that name — recorded to a file when asked.
 */
import type { CityModel } from '../city/city-model';
import type { Logger } from '../core/log';
import type { LiveSource } from '../sources/live-source';
import { RecordingSource } from '../sources/replay/recording-source';
import { StreamRecorder } from '../sources/replay/stream-recorder';
import { type SourceConfig, createRegisteredSource } from '../sources/source-registry';

export interface SourceSetup {
  source: SourceConfig;
  /** Record the stream to this new file; null records nothing. */
  recordFile: string | null;
  city: CityModel;
  /** The city's content version (`encodeCityPayload`), which recordings are keyed by. */
  cityVersion: () => string;
  log: Logger;
}

export function createSource(setup: SourceSetup): LiveSource {
  const source = createRegisteredSource(setup.source, setup);
  if (setup.recordFile === null) return source;
  const { meta } = setup.city;
  const recorder = new StreamRecorder(
    setup.recordFile,
    { cityId: meta.id, cityVersion: setup.cityVersion(), linkCount: meta.links.length, source: source.name },
    setup.log,
  );
  return new RecordingSource(source, recorder);
}
