import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { CredentialStore, REVOKED_RETENTION_MS } from './credential-store';
import { hashToken } from './token-hash';

let dir: string;
let nowMs: number;
const clock = () => nowMs;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'citybrain-credentials-'));
  nowMs = 1_700_000_000_000;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Opens the store on the data dir, runs `use`, and closes the database, as a bridge start and stop would. */
function withStore<T>(use: (store: CredentialStore) => T): T {
  const db = openDatabase(dir);
  try {
    return use(new CredentialStore(db, clock));
  } finally {
    db.close();
  }
}

describe('CredentialStore', () => {
  it('keeps links and devices across a reopen of the same data directory', () => {
    const { link, device } = withStore((store) => ({
      link: store.issue('link', 'operator', 'demo link (operator)', { ttlMs: 60_000 }),
      device: store.issue('device', 'viewer', 'Wall · Chrome', { pairedVia: 'lnk-1' }),
    }));
    nowMs += 30_000;
    withStore((store) => {
      expect(store.check(link.token)).toMatchObject({ ok: true, record: { id: link.record.id, role: 'operator', kind: 'link', lastUsedAtMs: nowMs } });
      expect(store.check(device.token)).toMatchObject({ ok: true, record: { role: 'viewer', kind: 'device', label: 'Wall · Chrome', expiresAtMs: null, pairedVia: 'lnk-1' } });
      expect(store.list().map((record) => record.id).sort()).toEqual([link.record.id, device.record.id].sort());
    });
  });

  it('refuses a link once its lifetime is over, and prunes it at the next start', () => {
    const { token } = withStore((store) => store.issue('link', 'viewer', 'demo link (viewer)', { ttlMs: 60_000 }));
    nowMs += 60_000;
    withStore((store) => expect(store.check(token)).toEqual({ ok: false, refusal: { cause: 'expired' } }));
    withStore((store) => {
      expect(store.pruneExpired()).toBe(1);
      expect(store.check(token)).toEqual({ ok: false, refusal: { cause: 'unknown' } });
    });
  });

  it('refuses a revoked credential with the time of the revocation, and keeps that for a month', () => {
    const { token, record } = withStore((store) => store.issue('device', 'operator', 'Console · Firefox'));
    nowMs += 1000;
    withStore((store) => {
      expect(store.revoke(record.id, 'console/1@abcd')).toMatchObject({ revokedAtMs: nowMs, revokedBy: 'console/1@abcd' });
      nowMs += 5000;
      // A second revoke keeps the first time and admin.
      expect(store.revoke(record.id, 'someone else')).toMatchObject({ revokedAtMs: nowMs - 5000, revokedBy: 'console/1@abcd' });
      expect(store.check(token)).toEqual({ ok: false, refusal: { cause: 'revoked', revokedAtMs: nowMs - 5000 } });
      expect(store.revoke('dev-none', 'x')).toBeNull();
    });
    nowMs += REVOKED_RETENTION_MS;
    withStore((store) => {
      expect(store.pruneExpired()).toBe(1);
      expect(store.list()).toEqual([]);
    });
  });

  it('writes only hashes to the data directory, never a token in clear', () => {
    const tokens = withStore((store) => [
      store.issue('link', 'admin', 'demo link (admin)', { ttlMs: 60_000 }).token,
      store.issue('device', 'admin', 'Console · Chrome').token,
    ]);
    const files = readdirSync(dir).map((name) => readFileSync(join(dir, name)).toString('latin1'));
    const everything = files.join('\n');
    for (const token of tokens) {
      expect(everything).not.toContain(token);
      expect(everything).toContain(hashToken(token));
    }
  });

  it('tells which credential a client holds, for re-pairing', () => {
    withStore((store) => {
      const { token, record } = store.issue('device', 'viewer', 'Wall · Edge');
      expect(store.holds(record.id, token)).toBe(true);
      expect(store.holds(record.id, 'another')).toBe(false);
      expect(store.findByToken(token)?.id).toBe(record.id);
    });
  });
});
