import { describe, expect, it } from 'vitest';
import { EntityIds } from './entity-ids';

describe('EntityIds', () => {
  it('keeps an id the city model allows as it is', () => {
    expect(new EntityIds().idFor('gneJ207')).toBe('gneJ207');
  });

  it('replaces characters the city model does not allow and maps the result back to SUMO', () => {
    const ids = new EntityIds();
    expect(ids.idFor('-28198821#4')).toBe('-28198821_4');
    expect(ids.sumoIdOf('-28198821_4')).toBe('-28198821#4');
  });

  it('gives two SUMO ids that clean up alike two different ids', () => {
    const ids = new EntityIds();
    const hash = ids.idFor('a#1');
    const underscore = ids.idFor('a_1');
    expect(hash).not.toBe(underscore);
    expect(ids.sumoIdOf(underscore)).toBe('a_1');
  });

  it('cuts a long cluster id to 64 characters with a hash of the whole, so two long ids sharing a start stay apart', () => {
    const ids = new EntityIds();
    const stem = `cluster_${'1200363791_'.repeat(8)}`;
    const a = ids.idFor(`${stem}a`);
    const b = ids.idFor(`${stem}b`);
    expect(a).toHaveLength(64);
    expect(a).toMatch(/^[A-Za-z0-9_.:-]+$/);
    expect(a).not.toBe(b);
  });

  it('hands out the same id for the same SUMO id every time', () => {
    const ids = new EntityIds();
    expect(ids.idFor('x y')).toBe(ids.idFor('x y'));
  });
});
