/**
 * Minimal structured logging to stderr; stdout is kept for what a user reads
 * (URLs, bench lines). Quiet in tests unless CITYBRAIN_LOG is set.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

function threshold(): number {
  const configured = process.env.CITYBRAIN_LOG as LogLevel | undefined;
  if (configured && configured in ORDER) return ORDER[configured];
  return process.env.VITEST ? ORDER.error + 1 : ORDER.info;
}

export function createLogger(scope: string): Logger {
  const min = threshold();
  const write = (level: LogLevel) => (message: string) => {
    if (ORDER[level] < min) return;
    process.stderr.write(`${new Date().toISOString()} ${level.padEnd(5)} ${scope}: ${message}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
