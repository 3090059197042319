import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openDatabase } from './database';
import { MIGRATIONS, schemaVersion } from './migrations';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'citybrain-db-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('openDatabase', () => {
  it('creates the data directory and the file with the newest schema, in WAL mode with synchronous NORMAL', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const db = openDatabase(dir);
    expect(db.name).toBe(join(dir, DATABASE_FILE_NAME));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('keeps what was stored and runs no migration twice when opened again', () => {
    const dir = tempDir();
    const first = openDatabase(dir);
    const streamId = first.prepare("SELECT value FROM stream_meta WHERE key = 'alerts.streamId'").pluck().get();
    first.close();
    const second = openDatabase(dir);
    expect(second.prepare("SELECT value FROM stream_meta WHERE key = 'alerts.streamId'").pluck().get()).toBe(streamId);
    expect(second.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    second.close();
  });

  it('refuses a file that is not a database, naming the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, DATABASE_FILE_NAME), 'this is not SQLite '.repeat(100));
    expect(() => openDatabase(dir)).toThrow(`cannot use the database ${join(dir, DATABASE_FILE_NAME)}: file is not a database`);
  });

  it('refuses a database written by a newer bridge', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const newer = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'future', sql: 'CREATE TABLE future (x INTEGER)' }];
    openDatabase(dir, newer).close();
    expect(() => openDatabase(dir)).toThrow(`schema version ${MIGRATIONS.length + 1} is newer than this bridge knows (${MIGRATIONS.length})`);
  });

  it('rolls back a failing migration whole, leaving the schema where it was', () => {
    const dir = tempDir();
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); SELECT * FROM missing_table;' }];
    expect(() => openDatabase(dir, broken)).toThrow('no such table: missing_table');
    const db = openDatabase(dir);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });

  it('opens a private in-memory database when there is no data directory', () => {
    const db = openDatabase(null);
    expect(db.memory).toBe(true);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });
});
