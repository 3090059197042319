/**
 * The TraCI identifiers the bridge uses, as SUMO's `tools/traci/constants.py`
 * numbers them (TraCI API version 20, SUMO 1.15). Only what the client sends or
 * reads is listed; a new command adds its id here.
 */

/** Top-level commands. */
export const Command = {
  getVersion: 0x00,
  simulationStep: 0x02,
  close: 0x7f,
  getTrafficLightVariable: 0xa2,
  setTrafficLightVariable: 0xc2,
  subscribeTrafficLightVariable: 0xd2,
  getLaneVariable: 0xa3,
  subscribeLaneVariable: 0xd3,
  getEdgeVariable: 0xaa,
  setEdgeVariable: 0xca,
  subscribeEdgeVariable: 0xda,
  getSimulationVariable: 0xab,
} as const;

/** A get command's answer and a subscription's results come back under the command id plus this. */
export const RESPONSE_OFFSET = 0x10;

/** Result codes of a command's status. */
export const Status = { ok: 0x00, notImplemented: 0x01, error: 0xff } as const;

/** Variables shared by every domain. */
export const Variable = {
  idList: 0x00,
  idCount: 0x01,
} as const;

/** Edge and lane variables, measured over the last simulation step. */
export const TrafficVariable = {
  vehicleNumber: 0x10,
  meanSpeed: 0x11,
  occupancy: 0x13,
  haltingNumber: 0x14,
  /** Set on an edge: the speed limit of every lane of it, m/s. */
  maxSpeed: 0x41,
} as const;

/** Traffic-light variables. */
export const TrafficLightVariable = {
  redYellowGreenState: 0x20,
  phaseIndex: 0x22,
  program: 0x23,
  phaseDuration: 0x24,
  controlledLinks: 0x27,
  currentPhase: 0x28,
  currentProgram: 0x29,
  completeDefinition: 0x2b,
  completeProgram: 0x2c,
  nextSwitch: 0x2d,
} as const;

/** Simulation variables. */
export const SimulationVariable = {
  time: 0x66,
  minExpectedVehicles: 0x7d,
} as const;

/** SUMO's "no value" double; as a subscription's begin and end it means "for the whole run". */
export const INVALID_DOUBLE = -1073741824;
