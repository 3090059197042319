/** Field data over MQTT as a source kind: detectors, controllers and field alerts from a broker. */
import * as v from 'valibot';
import { readPem } from '../../config/read-pem';
import { defineSourceKind } from '../source-kind';
import { MqttSource } from './mqtt-source';
import { type MqttSourceOptions, mqttSourceOptionsSchema } from './mqtt-source-options';

const path = v.pipe(v.string(), v.minLength(1), v.maxLength(4096));

export const mqttSourceKind = defineSourceKind({
  kind: 'mqtt',
  configSchema: v.strictObject({
    kind: v.literal('mqtt'),
    /** The MQTT source's options (mqtt-source-options.ts). */
    mqtt: mqttSourceOptionsSchema,
    /** Certificates as files, read at start and handed to the source as `mqtt.tls`. */
    tlsFiles: v.optional(
      v.strictObject({
        /** PEM file of the CA that signed the broker's certificate. */
        caFile: v.optional(path),
        /** PEM files of this bridge's client certificate and key, for brokers that ask for one. */
        certFile: v.optional(path),
        keyFile: v.optional(path),
      }),
    ),
  }),
  checkConfig: ({ mqtt, tlsFiles }) => {
    if (!tlsFiles) return undefined;
    if (mqtt.tls) return { path: ['tlsFiles'], reason: 'give the certificates either as files here or as PEM in mqtt.tls, not both' };
    if ((tlsFiles.certFile === undefined) !== (tlsFiles.keyFile === undefined)) {
      return { path: ['tlsFiles'], reason: 'certFile and keyFile go together: give both or neither' };
    }
    return undefined;
  },
  resolveFiles: (config, resolve) => {
    const files = config.tlsFiles;
    if (!files) return config;
    const tlsFiles = {
      ...(files.caFile !== undefined && { caFile: resolve(files.caFile) }),
      ...(files.certFile !== undefined && { certFile: resolve(files.certFile) }),
      ...(files.keyFile !== undefined && { keyFile: resolve(files.keyFile) }),
    };
    return { ...config, tlsFiles };
  },
  // Field alerts come from the broker; the controllers run the plans; the clock is the wall's.
  capabilities: { bringsOwnAlerts: true },
  create: (config, { city }) => {
    const files = config.tlsFiles;
    const options: MqttSourceOptions = !files
      ? config.mqtt
      : {
          ...config.mqtt,
          tls: {
            ...(files.caFile !== undefined && { ca: readPem(files.caFile, 'source.tlsFiles.caFile') }),
            ...(files.certFile !== undefined && { cert: readPem(files.certFile, 'source.tlsFiles.certFile') }),
            ...(files.keyFile !== undefined && { key: readPem(files.keyFile, 'source.tlsFiles.keyFile') }),
          },
        };
    return new MqttSource(city, options);
  },
});
