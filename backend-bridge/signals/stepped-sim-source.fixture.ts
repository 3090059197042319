/**
 * The simulator as a live source that the test steps by hand: each call to
 * `advance` runs the sim and reports the clock and area traffic every
 * `reportEveryS`, as the real runner does about once a second, so signal
 * status, the effect series and the adaptive controller run on sim time
 * the test decides.
 */
import type { CityModel } from '../city/city-model';
import type { LiveSink, LiveSource } from '../sources/live-source';
import { SourceRequestError } from '../sources/live-source';
import { SimSignalAccess } from '../sources/simulator/sim-signal-access';
import { TrafficSim } from '../sources/simulator/traffic-sim';

export class SteppedSimSource implements LiveSource {
  readonly name = 'simulator';
  readonly sim: TrafficSim;
  readonly signals: SimSignalAccess;
  private sink: LiveSink | null = null;

  constructor(city: CityModel) {
    this.sim = new TrafficSim(city, { seed: 7, warmUpS: 300, randomIncidentsPerHour: 0 });
    this.signals = new SimSignalAccess(this.sim);
  }

  start(sink: LiveSink): void {
    this.sink = sink;
    this.report();
  }

  stop(): void {
    this.sink = null;
  }

  setClock(): void {
    throw new SourceRequestError('rejected', 'the stepped test source runs only when the test steps it');
  }

  createIncident(): void {
    throw new SourceRequestError('rejected', 'the stepped test source stages no incidents');
  }

  /** Runs `seconds` of sim time, reporting every `reportEveryS`, and lets the bridge's async work run after each report. */
  async advance(seconds: number, reportEveryS = 10): Promise<void> {
    for (let doneS = 0; doneS < seconds; doneS += reportEveryS) {
      this.sim.advance(Math.min(reportEveryS, seconds - doneS));
      this.report();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private report(): void {
    const simTimeMs = this.sim.simTimeMs;
    this.sink?.clock({ simTimeMs, speedFactor: 1, achievedSpeedFactor: 1, paused: false });
    const { city, districts } = this.sim.areaMetrics();
    this.sink?.areaTraffic({ simTimeMs, city, districts });
  }
}
