import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { CredentialStore } from './credential-store';
import { runDeviceCommand } from './device-cli';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'citybrain-device-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('runDeviceCommand', () => {
  it('lists and revokes the data directory’s devices without a server', () => {
    const db = openDatabase(dir);
    const { record } = new CredentialStore(db, () => Date.UTC(2026, 11, 7, 12)).issue('device', 'viewer', 'Wall · Chrome');
    db.close();
    const nowMs = Date.UTC(2026, 11, 8);

    const listed = runDeviceCommand(dir, { list: true }, nowMs);
    expect(listed.exitCode).toBe(0);
    expect(listed.output).toContain(`${record.id}  device  viewer    created 2026-12-07T12:00:00Z  last used —  valid  Wall · Chrome`);

    expect(runDeviceCommand(dir, { revoke: record.id }, nowMs)).toEqual({ output: `Revoked device ${record.id} (Wall · Chrome).\n`, exitCode: 0 });
    expect(runDeviceCommand(dir, { list: true }, nowMs).output).toContain('revoked 2026-12-08T00:00:00Z by command line');
    expect(runDeviceCommand(dir, { revoke: 'dev-nothing' }, nowMs).exitCode).toBe(1);
  });
});
