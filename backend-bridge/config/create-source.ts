/**
 * Builds the live source the settings ask for — whichever kind the source
 * registry knows by that name. (Recording any of them is the bridge's
 * recorder module.)
 */
import type { CityModel } from '../city/city-model';
import type { Logger } from '../core/log';
import type { LiveSource } from '../sources/live-source';
import { type SourceConfig, createRegisteredSource } from '../sources/source-registry';

export interface SourceSetup {
  source: SourceConfig;
  city: CityModel;
  /** The city's content version (`encodeCityPayload`), which recordings are keyed by. */
  cityVersion: () => string;
  log: Logger;
}

export function createSource(setup: SourceSetup): LiveSource {
  return createRegisteredSource(setup.source, setup);
}
