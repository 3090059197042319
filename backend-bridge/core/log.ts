/**
 * The bridge's log, on pino: one JSON line per entry on stderr, with a level
 * and the component that wrote it; stdout is kept for what a user reads (URLs,
 * bench lines). In a terminal, pino-pretty formats the lines in this process:
 * as a plain synchronous stream, not pino's worker transport, whose worker
 * file esbuild's bundle of the bridge would not carry.
 *
 * The level is CITYBRAIN_LOG (debug, info, warn or error), else info; under
 * vitest the log is silent unless CITYBRAIN_LOG is set.
 */
import pino from 'pino';
import pretty from 'pino-pretty';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: readonly string[] = ['debug', 'info', 'warn', 'error'] satisfies LogLevel[];

/** What the bridge's parts log through; a test may hand in its own recorder. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Read when each logger is made, so a bench can set CITYBRAIN_LOG before it starts a bridge. */
function configuredLevel(): LogLevel | 'silent' {
  const configured = process.env.CITYBRAIN_LOG;
  if (configured !== undefined && LEVELS.includes(configured)) return configured as LogLevel;
  return process.env.VITEST ? 'silent' : 'info';
}

function stderrStream(): pino.DestinationStream {
  if (!process.stderr.isTTY) return pino.destination({ fd: 2, sync: true });
  return pretty({
    destination: 2,
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,component',
    messageFormat: '{component}: {msg}',
  });
}

let root: pino.Logger | undefined;

/** A logger for one component of the bridge, e.g. `createLogger('mqtt')`: its lines carry `component: "mqtt"`. */
export function createLogger(component: string): Logger {
  root ??= pino({ level: 'debug', timestamp: pino.stdTimeFunctions.isoTime }, stderrStream());
  return root.child({ component }, { level: configuredLevel() });
}
