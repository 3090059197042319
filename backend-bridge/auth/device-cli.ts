/**
 * `--list-devices` and `--revoke-device ID`: what an on-call engineer runs on
 * the bridge host, on the data directory, without starting the server. A
 * running bridge reads the same database, so a credential revoked here is
 * refused at its screen's next connection (admins in the Console close it at once).
 */
import { openDatabase } from '../store/database';
import { type CredentialRecord, CredentialStore } from './credential-store';

const iso = (ms: number | null): string => (ms === null ? '—' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'));

/** One line per credential: id, kind, role, state, created, last used, label. */
export function formatCredentials(records: readonly CredentialRecord[], nowMs: number): string {
  if (records.length === 0) return 'No links or paired devices.\n';
  const state = (record: CredentialRecord): string => {
    if (record.revokedAtMs !== null) return `revoked ${iso(record.revokedAtMs)} by ${record.revokedBy ?? '?'}`;
    if (record.expiresAtMs !== null) return record.expiresAtMs <= nowMs ? 'expired' : `valid until ${iso(record.expiresAtMs)}`;
    return 'valid';
  };
  const lines = records.map((record) =>
    [record.id, record.kind.padEnd(6), record.role.padEnd(8), `created ${iso(record.createdAtMs)}`, `last used ${iso(record.lastUsedAtMs)}`, state(record), record.label].join('  '),
  );
  return `${lines.join('\n')}\n`;
}

/** Runs the command on the database in `dataDir`; returns the text to print and the exit code. */
export function runDeviceCommand(dataDir: string, command: { list: true } | { revoke: string }, nowMs = Date.now()): { output: string; exitCode: number } {
  const db = openDatabase(dataDir);
  try {
    const store = new CredentialStore(db, () => nowMs);
    if ('list' in command) return { output: formatCredentials(store.list(), nowMs), exitCode: 0 };
    const revoked = store.revoke(command.revoke, 'command line');
    if (!revoked) return { output: `No link or device ${command.revoke} in ${dataDir} (see --list-devices).\n`, exitCode: 1 };
    return { output: `Revoked ${revoked.kind} ${revoked.id} (${revoked.label}).\n`, exitCode: 0 };
  } finally {
    db.close();
  }
}
