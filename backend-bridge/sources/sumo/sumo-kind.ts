/**
 * SUMO as a source kind: `{ "kind": "sumo", "config": "scenario.sumocfg" }`
 * (or `--sumo FILE`). The section also says what the city needs that the
 * network does not: its time zone, where a net without a projection lies,
 * districts, buildings. With this source the city *is* the SUMO network
 * (config/create-city.ts builds it from the same section).
 */
import * as v from 'valibot';
import { SIM_SPEED_FACTOR_RANGE, timeZoneSchema } from '../../protocol';
import { entityId, localized } from '../../protocol/fields';
import { defineSourceKind } from '../source-kind';
import { defaultStartSimTimeMs } from '../simulator/sim-calendar';
import { type SumoScenario, loadSumoScenario } from './sumo-scenario';
import { checkVersion } from './sumo-process';
import { SumoSignals } from './sumo-signals';
import { SumoSource } from './sumo-source';

const path = v.pipe(v.string(), v.minLength(1), v.maxLength(4096));

const sumoConfigSchema = v.strictObject({
  kind: v.literal('sumo'),
  /** The scenario's `.sumocfg`; its net-file is the city. */
  config: path,
  /** The city's id. @default the net file's name */
  id: v.optional(entityId),
  /** @default the id, in both languages */
  name: v.optional(localized(128, { required: true })),
  /** IANA time zone of the city. @default the zone where the net lies (Europe/Berlin for the RESCO nets); for a net without projection or `origin`, DEFAULT_CITY_TIME_ZONE (`Asia/Shanghai`) */
  timeZone: v.optional(timeZoneSchema),
  /** Sim time at SUMO's `begin`: an ISO 8601 time with its offset. @default Monday 3 June 2024, 07:00 on the city's clock */
  startAt: v.optional(v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 time with its offset, e.g. 2024-06-03T07:00:00+02:00'))),
  /** Where a net without a projection (`projParameter="!"`) is placed. @default 0° E, 0° N */
  origin: v.optional(v.strictObject({ lonDeg: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)), latDeg: v.pipe(v.number(), v.minValue(-85), v.maxValue(85)) })),
  /** GeoJSON districts (the city files' format). @default a grid over the net */
  districts: v.optional(path),
  /** Side of a grid district, metres. @default 1000 */
  gridCellM: v.optional(v.pipe(v.number(), v.minValue(100), v.maxValue(50_000))),
  /** Buildings from a SUMO `.poly.xml`. @default the first `*.poly.xml` among the scenario's additional files, else none */
  polyFile: v.optional(path),
  /** Sim seconds per wall second. @default 1 */
  speedFactor: v.optional(v.pipe(v.number(), v.minValue(SIM_SPEED_FACTOR_RANGE.min), v.maxValue(SIM_SPEED_FACTOR_RANGE.max))),
  /** Start paused. @default false */
  paused: v.optional(v.boolean()),
  /** Failed starts or runs of SUMO in a row after which the source gives up. @default 5 */
  maxRestartAttempts: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
});

export type SumoSourceConfig = v.InferOutput<typeof sumoConfigSchema>;

/**
 * The scenario of a section, read once: the city is built from it before the
 * source is (config/create-city.ts), and a big net takes seconds to read. Keyed
 * by the section object itself, which both are handed.
 */
const scenarios = new WeakMap<SumoSourceConfig, SumoScenario>();
export function sumoScenarioOf(config: SumoSourceConfig): SumoScenario {
  let scenario = scenarios.get(config);
  if (!scenario) {
    scenario = loadSumoScenario({
      configFile: config.config,
      ...(config.id !== undefined && { id: config.id }),
      ...(config.name !== undefined && { name: config.name }),
      ...(config.origin !== undefined && { origin: config.origin }),
      ...(config.timeZone !== undefined && { timeZone: config.timeZone }),
      ...(config.districts !== undefined && { districtsFile: config.districts }),
      ...(config.polyFile !== undefined && { polyFile: config.polyFile }),
      ...(config.gridCellM !== undefined && { gridCellM: config.gridCellM }),
    });
    scenarios.set(config, scenario);
  }
  return scenario;
}

/** Sim time at SUMO's `begin`, ms since the epoch. */
export function sumoStartSimTimeMs(config: SumoSourceConfig): number {
  return config.startAt !== undefined ? Date.parse(config.startAt) : defaultStartSimTimeMs(sumoScenarioOf(config).network.city.meta.timeZone);
}

export const sumoSourceKind = defineSourceKind({
  kind: 'sumo',
  configSchema: sumoConfigSchema,
  resolveFiles: (config, resolve) => ({
    ...config,
    config: resolve(config.config),
    ...(config.districts !== undefined && { districts: resolve(config.districts) }),
    ...(config.polyFile !== undefined && { polyFile: resolve(config.polyFile) }),
  }),
  // A simulated city has no field alerts; the demo's generated ones go with it as with the simulator.
  capabilities: { bringsOwnAlerts: false },
  create: (config, { log }) => {
    // Missing or too old, SUMO stops the bridge here with the line that names the fix, before anything is served.
    checkVersion(process.env.SUMO_BINARY ?? 'sumo', { ...process.env, SUMO_HOME: process.env.SUMO_HOME ?? '/usr/share/sumo' });
    // The network's warnings were logged with the city it made (config/create-city.ts).
    return new SumoSource({
      scenario: sumoScenarioOf(config),
      log,
      startSimTimeMs: sumoStartSimTimeMs(config),
      signalDriver: (network) => new SumoSignals(network),
      ...(config.speedFactor !== undefined && { speedFactor: config.speedFactor }),
      ...(config.paused !== undefined && { paused: config.paused }),
      ...(config.maxRestartAttempts !== undefined && { restart: { maxAttempts: config.maxRestartAttempts } }),
    });
  },
});
