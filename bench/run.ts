/**
 * `npm run bench`: every performance figure as `BENCH <name> <value> <unit>`.
 * Runs against the built app (dist/), on loopback only, and stops by itself.
 */
import { launchChromium } from '../tests/support/chromium';
import { startDemoBridge } from '../tests/support/demo-bridge';
import { measureAlertLatencyP99Ms } from './alert-latency';
import { measureAlertStoreInsertsPerS } from './alert-store';
import { measureBridgeStartupMs } from './bridge-startup';
import { measureCityPayload } from './city-payload';
import { measureFirstCityFrameMs } from './first-city-frame';
import { median, report } from './report';
import { measureSimSpeedup } from './sim-speedup';
import { measureHeatmapFps, measureTrafficDecode } from './traffic';

// Only BENCH lines on stdout; the bridge's info log would interleave with them on the terminal.
process.env.CITYBRAIN_LOG ??= 'warn';

report('sim_speedup', Math.round(await measureSimSpeedup()), 'x');
const traffic = measureTrafficDecode();
report('traffic_frame_bytes', traffic.frameBytes, 'bytes');
report('traffic_decode_ms', traffic.decodeMs, 'ms');
report('alert_store_inserts_per_s', Math.round(measureAlertStoreInsertsPerS()), 'inserts/s');
report('alert_latency_p99_ms', Math.round(await measureAlertLatencyP99Ms()), 'ms');

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
  } finally {
    await browser.close();
  }
} finally {
  await bridge.close();
}
