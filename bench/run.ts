/**
 * `npm run bench`: every performance figure as `BENCH <name> <value> <unit>`.
 * Runs against the built app (dist/), on loopback only, and stops by itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/support/chromium';
import { startDemoBridge } from '../tests/support/demo-bridge';
import { measureAlertLatencyP99Ms } from './alert-latency';
import { measureAlertStoreInsertsPerS } from './alert-store';
import { measureBridgeStartupMs } from './bridge-startup';
import { measureCityPayload } from './city-payload';
import { measureDrillSelectMs } from './drill-select';
import { measureFirstCityFrameMs } from './first-city-frame';
import { measureMqttIngestMsgsPerS } from './mqtt-ingest';
import { measureReplaySpeedup } from './replay';
import { benchResco } from './resco/bench-resco';
import { median, report } from './report';
import { measurePeakLoad, measureSignalControl } from './signals';
import { measureSimSpeedup } from './sim-speedup';
import { measureHeatmapFps, measureTrafficDecode } from './traffic';
import { measureWallFirstFrameMs } from './wall-first-frame';

// Only BENCH lines on stdout; the bridge's info log would interleave with them on the terminal.
process.env.CITYBRAIN_LOG ??= 'warn';

report('sim_speedup', Math.round(await measureSimSpeedup()), 'x');
const signalControl = await measureSignalControl();
report('adaptive_delay_reduction_pct', signalControl.reductionPct, '%');
report('fixed_avg_delay_s', signalControl.fixedAvgDelayS, 's');
report('adaptive_avg_delay_s', signalControl.adaptiveAvgDelayS, 's');
report('maxpressure_delay_reduction_pct', signalControl.maxPressureReductionPct, '%');
report('maxpressure_avg_delay_s', signalControl.maxPressureAvgDelayS, 's');
report('webster_plan_ms', signalControl.websterPlanMs, 'ms');
const peakLoad = measurePeakLoad();
report('demo_peak_busiest_saturation', peakLoad.busiestMedianX, 'x');
report('replay_speedup', Math.round(await measureReplaySpeedup()), 'x');
const traffic = measureTrafficDecode();
report('traffic_frame_bytes', traffic.frameBytes, 'bytes');
report('traffic_decode_ms', traffic.decodeMs, 'ms');
report('alert_store_inserts_per_s', Math.round(measureAlertStoreInsertsPerS()), 'inserts/s');
report('alert_latency_p99_ms', Math.round(await measureAlertLatencyP99Ms()), 'ms');
report('mqtt_ingest_msgs_per_s', Math.round(await measureMqttIngestMsgsPerS()), 'msgs/s');

const startup = await measureBridgeStartupMs(5);
report('bridge_startup_ms', Math.round(median(startup)), 'ms');

const bridge = await startDemoBridge();
try {
  const payload = await measureCityPayload(bridge.origin);
  report('city_payload_bytes', payload.wireBytes, 'bytes');
  report('city_payload_raw_bytes', payload.rawBytes, 'bytes');

  const browser = await launchChromium();
  try {
    const frames = await measureFirstCityFrameMs(browser, `${bridge.origin}/#/console?token=${bridge.tokens.viewer}`, 3);
    report('first_city_frame_ms', Math.round(median(frames)), 'ms');
    const consoleUrl = `${bridge.origin}/#/console?token=${bridge.tokens.viewer}`;
    report('heatmap_fps_headless', await measureHeatmapFps(browser, consoleUrl), 'fps');
    report('drill_select_ms', Math.round(median(await measureDrillSelectMs(browser, consoleUrl, 7))), 'ms');
    const wallFrames = await measureWallFirstFrameMs(browser, `${bridge.origin}/#/wall?token=${bridge.tokens.viewer}`, 3);
    report('wall_4k_first_frame_ms', Math.round(median(wallFrames)), 'ms');
  } finally {
    await browser.close();
  }
} finally {
  await bridge.close();
}

// The published benchmark, where this checkout has the scenarios beside it and SUMO is installed.
const rescoDir = fileURLToPath(new URL('../../shared/resco', import.meta.url));
if (!existsSync(rescoDir)) process.stderr.write(`resco: skipped, no scenarios at ${rescoDir}\n`);
else if (spawnSync('sumo', ['--version']).status !== 0) process.stderr.write('resco: skipped, SUMO is not installed (apt-get install -y sumo sumo-tools)\n');
else await benchResco(rescoDir, 1);
