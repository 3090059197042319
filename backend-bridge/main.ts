/**
 * Entry point of the backend bridge process (`npm run serve`, or spawned by
 * Electron main in demo mode). With no config it runs the offline demo; a
 * config file (`--config`) picks the source, the city, TLS and the tokens,
 * and flags override it. Prints where to open the app; when started as a
 * child with an IPC channel it also reports readiness to its parent.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeCityPayload } from './city/city-payload';
import { CliError, DEFAULT_DATA_DIR_NAME, USAGE, parseCliOptions } from './config/cli-options';
import { createCity } from './config/create-city';
import { createSource } from './config/create-source';
import { loadConfigFile } from './config/load-config';
import { readPem } from './config/read-pem';
import { resolveSettings } from './config/resolve-settings';
import { setUpTokens } from './config/token-setup';
import { issueDemoLinks, issueDemoTokens } from './auth/token-registry';
import { runDeviceCommand } from './auth/device-cli';
import { BRIDGE_DEFAULTS } from './core/bridge-options';
import { type BridgeTls, startBridge } from './app/start-bridge';
import { createLogger } from './core/log';
import { sourceCapabilities } from './sources/source-registry';
import { hasParent, postToParent } from './app/parent-channel';

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
  const cli = parseCliOptions(process.argv.slice(2));
  if (cli.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const log = createLogger('bridge');
  const settings = resolveSettings(cli.configFile ? loadConfigFile(cli.configFile) : {}, cli, process.cwd());
  const rendererDir = rendererDirFrom(cli.rendererDir, cli.noRenderer);
  const dataDir = settings.dataDir ?? join(appRoot(), DEFAULT_DATA_DIR_NAME);
  if (cli.listDevices || cli.revokeDevice !== undefined) {
    const { output, exitCode } = runDeviceCommand(dataDir, cli.revokeDevice !== undefined ? { revoke: cli.revokeDevice } : { list: true });
    process.stdout.write(output);
    process.exitCode = exitCode;
    return;
  }
  const tls: BridgeTls | undefined = settings.tls
    ? { certPem: readPem(settings.tls.certFile, 'bridge.tls.certFile'), keyPem: readPem(settings.tls.keyFile, 'bridge.tls.keyFile') }
    : undefined;
  const { city, warnings, tilesetDir } = createCity(settings.city);
  for (const warning of warnings) log.warn(warning);
  const { registry, demo } = setUpTokens(settings.tokens);
  let cityVersion: string | undefined;
  const source = createSource({
    source: settings.source,
    city,
    cityVersion: () => (cityVersion ??= encodeCityPayload(city).version),
    log,
  });
  const bridge = await startBridge(
    {
      ...BRIDGE_DEFAULTS,
      port: settings.port,
      host: settings.host,
      rendererDir,
      city,
      tokens: registry,
      source,
      dataDir,
      demoAlertsPerHour: sourceCapabilities(settings.source).bringsOwnAlerts ? 0 : cli.alertRatePerHour,
      escalateAfterMs: cli.escalateAfterS * 1000,
      wallLayoutFile: settings.wallLayoutFile,
      cockpit: settings.cockpit,
      tilesetDir,
      recordFile: settings.recordFile,
    },
    tls,
  );

  // The desktop app that started this bridge gets session tokens over its private channel, also when the
  // config lists its own: they are random, kept hashed in memory only, and die with the process.
  const parentTokens = hasParent() ? issueDemoTokens(registry) : null;
  if (parentTokens) {
    const ready = { type: 'bridge-ready', port: bridge.port, origin: bridge.origin, tokens: { operator: parentTokens.operator, viewer: parentTokens.viewer } } as const;
    if (postToParent(ready)) return stopOnSignals(bridge.close);
  }
  // Demo links are kept (hashed) in the data folder: links printed at earlier starts keep working until they expire.
  const demoTokens = demo ? issueDemoLinks(registry, cli.linkDays * 86_400_000) : null;
  const link = (view: string, token: string | undefined) => `${bridge.origin}/#/${view}${token ? `?token=${token}` : ''}`;
  process.stdout.write(
    [
      `City Brain bridge — ${city.meta.name.en} (${city.meta.name.zh}), source ${source.name}, on ${bridge.origin}`,
      `  Console (operator): ${link('console', demoTokens?.operator)}`,
      ...(demoTokens ? [`  Console (admin):    ${link('console', demoTokens.admin)}`] : []),
      `  Cockpit (viewer):   ${link('cockpit', demoTokens?.viewer)}`,
      `  Wall (viewer):      ${link('wall', demoTokens?.viewer)}`,
      ...(demoTokens
        ? [`  (links are valid for ${cli.linkDays} days; a screen opened with one pairs itself and survives restarts)`]
        : ['  (add ?token=… with a token whose SHA-256 the config lists)']),
      ...(settings.recordFile ? [`Recording the stream to ${settings.recordFile}.`] : []),
      `Alerts, the audit log, links and paired devices are kept in ${dataDir}.`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  stopOnSignals(bridge.close);
}

function stopOnSignals(close: () => Promise<void>): void {
  const stop = () => {
    void close().then(() => process.exit(0));
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
