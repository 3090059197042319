/**
 * Builds the live source the settings ask for — the simulator, MQTT or a
 * replay. (Recording any of them is the bridge's recorder module.)
 */
import type { CityModel } from '../city/city-model';
import type { Logger } from '../core/log';
import type { LiveSource } from '../sources/live-source';
import { MqttSource, type MqttSourceOptions } from '../sources/mqtt';
import { RecordingFile } from '../sources/replay/recording-file';
import { ReplaySource } from '../sources/replay/replay-source';
import { SimulatorSource } from '../sources/simulator/simulator-source';
import type { SourceConfig } from './bridge-config';
import { readPem } from './read-pem';

export interface SourceSetup {
  source: SourceConfig;
  city: CityModel;
  /** The city's content version (`encodeCityPayload`), which recordings are keyed by. */
  cityVersion: () => string;
  log: Logger;
}

export function createSource({ source, city, cityVersion, log }: SourceSetup): LiveSource {
  switch (source.kind) {
    case 'simulator':
      return new SimulatorSource(city, { sim: { seed: source.seed ?? city.meta.seed ?? 0 } });
    case 'mqtt':
      return new MqttSource(city, mqttOptions(source));
    case 'replay': {
      const recording = RecordingFile.open(source.file, { id: city.meta.id, version: cityVersion(), linkCount: city.meta.links.length });
      return new ReplaySource(recording, log, {
        ...(source.speedFactor !== undefined && { speedFactor: source.speedFactor }),
        ...(source.paused !== undefined && { paused: source.paused }),
      });
    }
  }
}

function mqttOptions(source: Extract<SourceConfig, { kind: 'mqtt' }>): MqttSourceOptions {
  const files = source.tlsFiles;
  if (!files) return source.mqtt;
  return {
    ...source.mqtt,
    tls: {
      ...(files.caFile !== undefined && { ca: readPem(files.caFile, 'source.tlsFiles.caFile') }),
      ...(files.certFile !== undefined && { cert: readPem(files.certFile, 'source.tlsFiles.certFile') }),
      ...(files.keyFile !== undefined && { key: readPem(files.keyFile, 'source.tlsFiles.keyFile') }),
    },
  };
}
