/**
 * Entry point of the backend bridge process (`npm run serve`, or spawned by
 * Electron main in demo mode). Prints where to open the app; when started as a
 * child with an IPC channel it also reports readiness to its parent.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoCity } from './city/demo-city';
import { CliError, DEFAULT_DATA_DIR_NAME, USAGE, parseCliOptions } from './cli-options';
import { TokenRegistry, issueDemoTokens } from './server/auth';
import { BRIDGE_DEFAULTS } from './server/bridge-options';
import { startBridge } from './server/bridge-server';
import { type ParentMessage, postToParent } from './server/parent-channel';
import { SimulatorSource } from './sources/simulator/simulator-source';

/** The nearest directory above this file that holds package.json: the app root, bundled or not. */
function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the application root (no package.json above the bridge)');
    dir = up;
  }
  return dir;
}

function rendererDirFrom(explicit: string | undefined, disabled: boolean): string | null {
  if (disabled) return null;
  const dir = explicit ? resolve(explicit) : join(appRoot(), 'dist', 'renderer');
  if (!existsSync(join(dir, 'index.html'))) {
    throw new CliError(`no built renderer in ${dir} (run \`npm run build\` first, or pass --renderer DIR / --no-renderer)`);
  }
  return dir;
}

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const rendererDir = rendererDirFrom(options.rendererDir, options.noRenderer);
  const dataDir = resolve(options.dataDir ?? join(appRoot(), DEFAULT_DATA_DIR_NAME));
  const city = generateDemoCity(options.seed);
  const source = new SimulatorSource(city, { sim: { seed: city.meta.seed ?? 0 } });
  const tokens = new TokenRegistry();
  const demoTokens = issueDemoTokens(tokens);
  const bridge = await startBridge({
    ...BRIDGE_DEFAULTS,
    port: options.port,
    host: options.host,
    rendererDir,
    city,
    tokens,
    source,
    dataDir,
    demoAlertsPerHour: options.alertRatePerHour,
    escalateAfterMs: options.escalateAfterS * 1000,
  });

  const ready: ParentMessage = {
    type: 'bridge-ready',
    port: bridge.port,
    origin: bridge.origin,
    tokens: { operator: demoTokens.operator, viewer: demoTokens.viewer },
  };
  if (!postToParent(ready)) {
    process.stdout.write(
      [
        `City Brain bridge — demo city ${city.meta.name.en} (${city.meta.name.zh}) on ${bridge.origin}`,
        `  Console (operator): ${bridge.origin}/#/console?token=${demoTokens.operator}`,
        `  Cockpit (viewer):   ${bridge.origin}/#/cockpit?token=${demoTokens.viewer}`,
        `  Wall (viewer):      ${bridge.origin}/#/wall?token=${demoTokens.viewer}`,
        `Alerts and the audit log are kept in ${dataDir}.`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  }

  const stop = () => {
    void bridge.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  postToParent({ type: 'bridge-failed', reason });
  process.stderr.write(`bridge: ${reason}\n`);
  if (error instanceof CliError) process.stderr.write(`${USAGE}\n`);
  process.exitCode = 1;
});
