/**
 * The TraCI commands the bridge uses, typed: version, stepping with
 * subscription results, edge/lane/traffic-light subscriptions, reading and
 * setting traffic-light programs and phases, a few simulation values, close.
 * Arguments are checked here once; SUMO's refusals come back as `TraciError`
 * naming the command.
 */
import type { Socket } from 'node:net';
import { type ByteReader, ByteWriter, type TraciValue, asDouble, asInt, asString, asStringList, readCommand } from './traci-codec';
import {
  Command,
  INVALID_DOUBLE,
  RESPONSE_OFFSET,
  SimulationVariable,
  TrafficLightVariable,
  TrafficVariable,
  Variable,
} from './traci-constants';
import { TraciConnection, type TraciConnectionOptions, TraciError } from './traci-connection';
import { type ControlledLink, type TrafficLightLogic, decodeControlledLinks, decodeLogics, encodeLogic } from './traffic-light-logic';

export interface TraciVersion {
  /** TraCI API version; 20 for SUMO 1.15. */
  apiVersion: number;
  /** e.g. `SUMO 1.15.0`. */
  sumoVersion: string;
}

/** What an edge or lane measured over the last simulation step. */
export interface TrafficReading {
  /** Mean speed of the vehicles on it, in m/s; its speed limit when empty. */
  meanSpeedMps: number;
  /** Share of its length covered by vehicles, in percent (0–100). */
  occupancyPct: number;
  vehicleCount: number;
  /** Vehicles slower than 0.1 m/s. */
  haltingCount: number;
}

/** A traffic light's current state. */
export interface TrafficLightReading {
  programId: string;
  phaseIndex: number;
  /** One signal character per controlled link. */
  state: string;
  /** Simulation time of the next phase switch, in seconds. */
  nextSwitchS: number;
}

/** The subscribed values after a step, keyed by object id. */
export interface StepResults {
  edges: Map<string, TrafficReading>;
  lanes: Map<string, TrafficReading>;
  trafficLights: Map<string, TrafficLightReading>;
}

const TRAFFIC_VARIABLES = [TrafficVariable.meanSpeed, TrafficVariable.occupancy, TrafficVariable.vehicleNumber, TrafficVariable.haltingNumber];
const TRAFFIC_LIGHT_VARIABLES = [
  TrafficLightVariable.currentProgram,
  TrafficLightVariable.currentPhase,
  TrafficLightVariable.redYellowGreenState,
  TrafficLightVariable.nextSwitch,
];

export class TraciClient {
  private readonly connection: TraciConnection;

  /** Takes over an open TraCI socket; `startSumo` makes one ready to use. */
  constructor(socket: Socket, options: TraciConnectionOptions = {}) {
    this.connection = new TraciConnection(socket, options);
  }

  async getVersion(): Promise<TraciVersion> {
    const answer = await this.connection.request({ commandId: Command.getVersion, name: 'getVersion()' });
    const { content } = expectResponse(answer, Command.getVersion, 'getVersion()');
    return { apiVersion: content.int(), sumoVersion: content.string() };
  }

  /**
   * Runs SUMO up to `targetTimeS` (simulation seconds; 0 runs exactly one
   * step; a time not after now runs none) and returns every subscription's
   * values afterwards.
   */
  async simulationStep(targetTimeS = 0): Promise<StepResults> {
    requireSeconds(targetTimeS, 'targetTimeS');
    const name = `simulation.step(${targetTimeS})`;
    const answer = await this.connection.request({
      commandId: Command.simulationStep,
      content: new ByteWriter().double(targetTimeS).toBuffer(),
      name,
    });
    const results: StepResults = { edges: new Map(), lanes: new Map(), trafficLights: new Map() };
    const count = answer.int();
    for (let index = 0; index < count; index++) addSubscriptionResult(results, answer, name);
    return results;
  }

  /** Reports the edge's last-step figures with every step from now on; returns the current ones. */
  async subscribeEdge(edgeId: string): Promise<TrafficReading> {
    const results = await this.subscribe(Command.subscribeEdgeVariable, edgeId, TRAFFIC_VARIABLES, `edge.subscribe("${edgeId}")`);
    return results.edges.get(edgeId) as TrafficReading;
  }

  /** As `subscribeEdge`, for one lane. */
  async subscribeLane(laneId: string): Promise<TrafficReading> {
    const results = await this.subscribe(Command.subscribeLaneVariable, laneId, TRAFFIC_VARIABLES, `lane.subscribe("${laneId}")`);
    return results.lanes.get(laneId) as TrafficReading;
  }

  /** Reports the light's program, phase, signals and next switch with every step; returns the current ones. */
  async subscribeTrafficLight(tlsId: string): Promise<TrafficLightReading> {
    const results = await this.subscribe(Command.subscribeTrafficLightVariable, tlsId, TRAFFIC_LIGHT_VARIABLES, `trafficlight.subscribe("${tlsId}")`);
    return results.trafficLights.get(tlsId) as TrafficLightReading;
  }

  /** Current simulation time, in seconds. */
  async getTime(): Promise<number> {
    return asDouble(await this.get(Command.getSimulationVariable, SimulationVariable.time, '', 'simulation.getTime()'));
  }

  /** Vehicles running or still to depart; 0 means the demand is done. */
  async getMinExpectedVehicles(): Promise<number> {
    return asInt(await this.get(Command.getSimulationVariable, SimulationVariable.minExpectedVehicles, '', 'simulation.getMinExpectedNumber()'));
  }

  async getEdgeIds(): Promise<string[]> {
    return asStringList(await this.get(Command.getEdgeVariable, Variable.idList, '', 'edge.getIDList()'));
  }

  async getTrafficLightIds(): Promise<string[]> {
    return asStringList(await this.get(Command.getTrafficLightVariable, Variable.idList, '', 'trafficlight.getIDList()'));
  }

  /** Every program SUMO holds for the light (its own and any set since). */
  async getAllProgramLogics(tlsId: string): Promise<TrafficLightLogic[]> {
    const name = `trafficlight.getAllProgramLogics("${tlsId}")`;
    return decodeLogics(await this.get(Command.getTrafficLightVariable, TrafficLightVariable.completeDefinition, tlsId, name));
  }

  /** The lanes each link index connects, indexed like the state string. */
  async getControlledLinks(tlsId: string): Promise<ControlledLink[][]> {
    const name = `trafficlight.getControlledLinks("${tlsId}")`;
    return decodeControlledLinks(await this.get(Command.getTrafficLightVariable, TrafficLightVariable.controlledLinks, tlsId, name));
  }

  async getProgram(tlsId: string): Promise<string> {
    return asString(await this.get(Command.getTrafficLightVariable, TrafficLightVariable.currentProgram, tlsId, `trafficlight.getProgram("${tlsId}")`));
  }

  /**
   * Stores a program for the light and switches to it at once, in the phase
   * `logic.currentPhaseIndex`. A program id SUMO already holds is replaced.
   */
  async setProgramLogic(tlsId: string, logic: TrafficLightLogic): Promise<void> {
    const name = `trafficlight.setProgramLogic("${tlsId}", "${logic.programId}")`;
    let value: TraciValue;
    try {
      value = encodeLogic(logic);
    } catch (error) {
      throw new TraciError(`${name}: ${(error as Error).message}`, name);
    }
    await this.set(Command.setTrafficLightVariable, TrafficLightVariable.completeProgram, tlsId, value, name);
  }

  /** Switches the light to a program SUMO holds; `off` turns it off. */
  async setProgram(tlsId: string, programId: string): Promise<void> {
    requireId(programId, 'programId');
    const name = `trafficlight.setProgram("${tlsId}", "${programId}")`;
    await this.set(Command.setTrafficLightVariable, TrafficLightVariable.program, tlsId, { type: 'string', value: programId }, name);
  }

  /** Jumps to a phase of the current program, which then runs its full duration. */
  async setPhase(tlsId: string, phaseIndex: number): Promise<void> {
    if (!Number.isInteger(phaseIndex) || phaseIndex < 0) throw new Error(`phaseIndex ${phaseIndex} is not a phase index`);
    const name = `trafficlight.setPhase("${tlsId}", ${phaseIndex})`;
    await this.set(Command.setTrafficLightVariable, TrafficLightVariable.phaseIndex, tlsId, { type: 'int', value: phaseIndex }, name);
  }

  /** Sets how long the current phase still lasts, in seconds, this time only. */
  async setPhaseDuration(tlsId: string, remainingS: number): Promise<void> {
    requireSeconds(remainingS, 'remainingS');
    const name = `trafficlight.setPhaseDuration("${tlsId}", ${remainingS})`;
    await this.set(Command.setTrafficLightVariable, TrafficLightVariable.phaseDuration, tlsId, { type: 'double', value: remainingS }, name);
  }

  /**
   * Shows `state` (one of `rRyYgGuoOs` per controlled link) from now until the
   * next call; SUMO then runs the light as a one-phase program of its own.
   */
  async setRedYellowGreenState(tlsId: string, state: string): Promise<void> {
    if (!/^[rRyYgGuoOs]+$/.test(state)) throw new Error(`signal state ${JSON.stringify(state)} has a character other than rRyYgGuoOs`);
    const name = `trafficlight.setRedYellowGreenState("${tlsId}", "${state}")`;
    await this.set(Command.setTrafficLightVariable, TrafficLightVariable.redYellowGreenState, tlsId, { type: 'string', value: state }, name);
  }

  /** Sets the speed limit of every lane of the edge, m/s, until set again (SUMO's `edge.setMaxSpeed`). */
  async setEdgeMaxSpeed(edgeId: string, speedMps: number): Promise<void> {
    if (!Number.isFinite(speedMps) || speedMps <= 0) throw new Error(`speedMps must be a finite speed > 0 m/s, got ${speedMps}`);
    const name = `edge.setMaxSpeed("${edgeId}", ${speedMps})`;
    await this.set(Command.setEdgeVariable, TrafficVariable.maxSpeed, edgeId, { type: 'double', value: speedMps }, name);
  }

  /** Ends the run: SUMO answers, writes its outputs and exits. */
  async close(): Promise<void> {
    if (!this.connection.open) return;
    await this.connection.request({ commandId: Command.close, name: 'close()' });
    this.connection.destroy();
  }

  /** Drops the connection without a TraCI close; SUMO then ends the run. Requests still out reject. */
  disconnect(): void {
    this.connection.destroy();
  }

  private async get(commandId: number, variableId: number, objectId: string, name: string): Promise<TraciValue> {
    if (objectId !== '') requireId(objectId, 'object id');
    const answer = await this.connection.request({
      commandId,
      content: new ByteWriter().ubyte(variableId).string(objectId).toBuffer(),
      name,
    });
    const { content } = expectResponse(answer, commandId + RESPONSE_OFFSET, name);
    const answeredVariable = content.ubyte();
    const answeredObject = content.string();
    if (answeredVariable !== variableId || answeredObject !== objectId) {
      throw new TraciError(`${name}: SUMO answered variable 0x${answeredVariable.toString(16)} of "${answeredObject}"`, name);
    }
    return content.typed();
  }

  private async set(commandId: number, variableId: number, objectId: string, value: TraciValue, name: string): Promise<void> {
    requireId(objectId, 'object id');
    const content = new ByteWriter().ubyte(variableId).string(objectId).typed(value).toBuffer();
    await this.connection.request({ commandId, content, name });
  }

  private async subscribe(commandId: number, objectId: string, variableIds: number[], name: string): Promise<StepResults> {
    requireId(objectId, 'object id');
    const content = new ByteWriter().double(INVALID_DOUBLE).double(INVALID_DOUBLE).string(objectId).ubyte(variableIds.length);
    for (const variableId of variableIds) content.ubyte(variableId);
    const answer = await this.connection.request({ commandId, content: content.toBuffer(), name });
    const results: StepResults = { edges: new Map(), lanes: new Map(), trafficLights: new Map() };
    addSubscriptionResult(results, answer, name);
    return results;
  }
}

function expectResponse(answer: ByteReader, responseId: number, name: string) {
  const response = readCommand(answer);
  if (response.commandId !== responseId) {
    throw new TraciError(`${name}: SUMO answered with 0x${response.commandId.toString(16)}, not 0x${responseId.toString(16)}`, name);
  }
  return response;
}

/** Reads one subscription response (object id, then each variable's status and value) into `results`. */
function addSubscriptionResult(results: StepResults, answer: ByteReader, name: string): void {
  const { commandId, content } = readCommand(answer);
  const objectId = content.string();
  const values = new Map<number, TraciValue>();
  const count = content.ubyte();
  for (let index = 0; index < count; index++) {
    const variableId = content.ubyte();
    const failed = content.ubyte() !== 0;
    const value = content.typed();
    if (failed) {
      const reason = value.type === 'string' ? value.value : 'no reason given';
      throw new TraciError(`${name}: SUMO could not report variable 0x${variableId.toString(16)} of "${objectId}": ${reason}`, name);
    }
    values.set(variableId, value);
  }
  switch (commandId - RESPONSE_OFFSET) {
    case Command.subscribeEdgeVariable:
      results.edges.set(objectId, trafficReading(values));
      return;
    case Command.subscribeLaneVariable:
      results.lanes.set(objectId, trafficReading(values));
      return;
    case Command.subscribeTrafficLightVariable:
      results.trafficLights.set(objectId, {
        programId: asString(values.get(TrafficLightVariable.currentProgram)),
        phaseIndex: asInt(values.get(TrafficLightVariable.currentPhase)),
        state: asString(values.get(TrafficLightVariable.redYellowGreenState)),
        nextSwitchS: asDouble(values.get(TrafficLightVariable.nextSwitch)),
      });
      return;
    default:
      throw new TraciError(`${name}: SUMO sent results of an unknown subscription 0x${commandId.toString(16)} for "${objectId}"`, name);
  }
}

function trafficReading(values: Map<number, TraciValue>): TrafficReading {
  return {
    meanSpeedMps: asDouble(values.get(TrafficVariable.meanSpeed)),
    occupancyPct: asDouble(values.get(TrafficVariable.occupancy)),
    vehicleCount: asInt(values.get(TrafficVariable.vehicleNumber)),
    haltingCount: asInt(values.get(TrafficVariable.haltingNumber)),
  };
}

function requireId(id: string, what: string): void {
  if (typeof id !== 'string' || id === '') throw new Error(`${what} must be a non-empty string, got ${JSON.stringify(id)}`);
}

function requireSeconds(seconds: number, what: string): void {
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`${what} must be a finite number of seconds ≥ 0, got ${seconds}`);
}
