export { MqttSource } from './mqtt-source';
export { MQTT_SOURCE_DEFAULTS, type MqttSourceOptions, type MqttTlsOptions, mqttSourceOptionsSchema } from './mqtt-source-options';
export { TopicLayout } from './topics';
