/** The bridge's TraCI client for SUMO: start SUMO with `startSumo` (../sumo-process.ts) and drive it with its `traci`. */
export {
  TraciClient,
  type StepResults,
  type TraciVersion,
  type TrafficLightReading,
  type TrafficReading,
} from './traci-client';
export { TraciError, type TraciConnectionOptions } from './traci-connection';
export type { ControlledLink, TrafficLightLogic, TrafficLightPhase } from './traffic-light-logic';
