/**
 * replay_speedup: sim seconds a replay plays per wall second when nothing
 * holds it back, for the whole demo city recorded as a live 1× session is
 * (four traffic frames per sim second, area figures and the clock once a
 * second). Every frame is decoded and encoded for the wire, as the bridge
 * does, none skipped as superseded. The replay must stay far above the 60×
 * an operator can ask for.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_DEMO_SEED, generateDemoCity } from '../backend-bridge/city/demo-city';
import { createLogger } from '../backend-bridge/core/log';
import { encodeLinkTraffic } from '../backend-bridge/traffic/traffic-frames';
import { RecordingFile } from '../backend-bridge/sources/replay/recording-file';
import { ReplaySource } from '../backend-bridge/sources/replay/replay-source';
import { StreamRecorder } from '../backend-bridge/sources/replay/stream-recorder';
import { TrafficSim } from '../backend-bridge/sources/simulator/traffic-sim';
import { sinkWith } from '../backend-bridge/sources/live-sink.fixture';

/** Traffic frames per sim second in a 1× recording: the simulator's default publish rate. */
const FRAMES_PER_SIM_S = 4;
const CITY_VERSION = 'bench';

/** @param recordedSimS sim seconds recorded and then replayed; @default 120 */
export async function measureReplaySpeedup(recordedSimS = 120): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'citybrain-bench-replay-'));
  const log = createLogger('bench-replay');
  try {
    const city = generateDemoCity();
    const file = join(dir, 'demo.ndjson');
    const sim = new TrafficSim(city, { seed: DEFAULT_DEMO_SEED });
    const recorder = new StreamRecorder(file, { cityId: city.meta.id, cityVersion: CITY_VERSION, linkCount: city.meta.links.length, source: 'simulator' }, log);
    for (let second = 0; second < recordedSimS; second++) {
      // The sim steps a whole second; at 1× the runner publishes that step's state four times.
      sim.advance(1);
      const simTimeMs = sim.simTimeMs;
      const links = sim.linkMetrics();
      for (let frame = 0; frame < FRAMES_PER_SIM_S; frame++) recorder.linkTraffic({ simTimeMs, ...links });
      recorder.areaTraffic({ simTimeMs, ...sim.areaMetrics() });
      recorder.clock({ simTimeMs, speedFactor: 1, achievedSpeedFactor: 1, paused: false });
    }
    recorder.close();

    const recording = RecordingFile.open(file, { id: city.meta.id, version: CITY_VERSION, linkCount: city.meta.links.length });
    // A clock a million times fast: every tick is due everything, so only the replay's own work limits it.
    // Every frame is decoded and sent (no coalescing), so the figure is the replay's own throughput.
    const replay = new ReplaySource(recording, log, {
      speedFactor: 60,
      tickMs: 1,
      tickBudgetMs: 50,
      coalesceSnapshots: false,
      now: () => performance.now() * 1e6,
    });
    let encodedBytes = 0;
    const startMs = performance.now();
    await new Promise<void>((done) => {
      replay.start(sinkWith({
        linkTraffic: (traffic) => {
          encodedBytes += encodeLinkTraffic(traffic, 0, 60).byteLength;
        },
        clock: (clock) => {
          if (clock.paused && replay.position().ended) done();
        },
      }));
    });
    const wallS = (performance.now() - startMs) / 1000;
    replay.stop();
    if (encodedBytes === 0) throw new Error('replay_speedup: the replay sent no traffic');
    return (recording.endSimTimeMs - recording.startSimTimeMs) / 1000 / wallS;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
