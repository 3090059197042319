import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyCity } from '../../city/tiny-city.fixture';
import type { BridgeModuleContext } from '../../core/bridge-module';
import { EventBus } from '../../core/event-bus';
import { LIVE_EVENT_KINDS, type LiveEvents } from '../live-source';
import { createRecorderModule } from './recorder-module';
import { tempDir, testLog } from './recording.fixture';

const dir = tempDir();
afterAll(() => dir.remove());

describe('the recorder module', () => {
  it('writes the header at start and every event kind it hears on the bus, then closes the file', async () => {
    const city = tinyCity();
    const file = join(dir.dir, 'bus.ndjson');
    const context = { city, source: { name: 'simulator' }, log: testLog } as unknown as BridgeModuleContext;
    const recorder = createRecorderModule(context, file, 'v7');
    const bus = new EventBus<LiveEvents>(LIVE_EVENT_KINDS, testLog);
    bus.subscribe(recorder.events!);
    bus.sink.clock({ simTimeMs: 1000, speedFactor: 1, achievedSpeedFactor: 1, paused: false });
    bus.sink.incidents([]);
    bus.sink.alert({ format: 'json', draft: { kind: 'fire-alarm' }, channel: 'city/alerts' });
    await recorder.close?.();

    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ cityId: city.meta.id, cityVersion: 'v7', linkCount: city.meta.links.length, source: 'simulator' });
    expect(lines).toHaveLength(4);
  });

  it('refuses a file that exists, naming it, before the bridge starts anything', () => {
    const file = join(dir.dir, 'taken.ndjson');
    writeFileSync(file, 'an earlier recording\n');
    const context = { city: tinyCity(), source: { name: 'simulator' }, log: testLog } as unknown as BridgeModuleContext;
    expect(() => createRecorderModule(context, file, 'v7')).toThrow(`cannot record to ${file}: the file exists; record to a new file`);
  });
});
