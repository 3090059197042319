import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const LOG_MODULE = fileURLToPath(new URL('./log.ts', import.meta.url));

/** Settings a logger is made under, by the component name that tells its lines apart. */
const CASES: Record<string, { VITEST?: string; CITYBRAIN_LOG?: string }> = {
  plain: {},
  warn: { CITYBRAIN_LOG: 'warn' },
  debug: { CITYBRAIN_LOG: 'debug' },
  unknown: { CITYBRAIN_LOG: 'loud' },
  vitest: { VITEST: 'true' },
  'vitest-error': { VITEST: 'true', CITYBRAIN_LOG: 'error' },
};

type Entry = { level: number; time: string; component: string; msg: string };
let entries: Entry[] = [];
const messagesOf = (component: string) => entries.filter((entry) => entry.component === component).map((entry) => entry.msg);

// The log writes to file descriptor 2, so it is read from a process of its own: one, with every case in turn.
beforeAll(() => {
  const script = `import { createLogger } from ${JSON.stringify(LOG_MODULE)};
    for (const [component, env] of Object.entries(${JSON.stringify(CASES)})) {
      delete process.env.VITEST;
      delete process.env.CITYBRAIN_LOG;
      Object.assign(process.env, env);
      const log = createLogger(component);
      log.debug('d'); log.info('i'); log.warn('w'); log.error('e');
    }`;
  const { stderr } = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  entries = stderr
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Entry);
}, 30_000);

describe('createLogger', () => {
  it('writes one JSON line per entry with its level, time and component, from info up by default', () => {
    expect(messagesOf('plain')).toEqual(['i', 'w', 'e']);
    expect(entries[0]).toMatchObject({ level: 30, component: 'plain', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('takes its level from CITYBRAIN_LOG, and ignores a level it does not know', () => {
    expect(messagesOf('warn')).toEqual(['w', 'e']);
    expect(messagesOf('debug')).toEqual(['d', 'i', 'w', 'e']);
    expect(messagesOf('unknown')).toEqual(['i', 'w', 'e']);
  });

  it('is silent under vitest unless CITYBRAIN_LOG is set', () => {
    expect(messagesOf('vitest')).toEqual([]);
    expect(messagesOf('vitest-error')).toEqual(['e']);
  });
});
