/** The demo city's traffic simulator: what the rest of the bridge uses. */
export { type SimTotals, type TrafficSimOptions, DEFAULT_WARM_UP_S, TrafficSim } from './traffic-sim';
export { type RunnerStatus, type SimulatorRunnerOptions, type SteppableSim, SimulatorRunner } from './simulator-runner';
export { MAX_SPEED_FACTOR, MIN_SPEED_FACTOR, checkSpeedFactor } from './sim-clock';
export { defaultStartSimTimeMs } from './sim-calendar';
export type { AreaFigures, AreaMetrics, LinkMetrics } from './metrics';
export type { Incident, IncidentSpec } from './incidents';
