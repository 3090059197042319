import type { CredentialSummary } from '@protocol';
import { describe, expect, it } from 'vitest';
import { credentialState, isRevocable, sortCredentials } from './credential-rows';

const NOW = 1_765_000_000_000;
const item = (overrides: Partial<CredentialSummary>): CredentialSummary => ({
  id: 'dev-1',
  kind: 'device',
  role: 'viewer',
  label: 'Wall · Chrome',
  createdAtMs: NOW - 1000,
  expiresAtMs: null,
  lastUsedAtMs: null,
  revokedAtMs: null,
  revokedBy: null,
  online: 0,
  ...overrides,
});

describe('credential rows', () => {
  it('tells revoked, expired, online and offline apart', () => {
    expect(credentialState(item({ revokedAtMs: NOW - 5, online: 1 }), NOW)).toEqual({ state: 'revoked', atMs: NOW - 5 });
    expect(credentialState(item({ kind: 'link', expiresAtMs: NOW }), NOW)).toEqual({ state: 'expired' });
    expect(credentialState(item({ online: 2 }), NOW)).toEqual({ state: 'online', count: 2 });
    expect(credentialState(item({ kind: 'link', expiresAtMs: NOW + 5 }), NOW)).toEqual({ state: 'offline', validUntilMs: NOW + 5 });
    expect(isRevocable(item({ revokedAtMs: NOW - 5 }), NOW)).toBe(false);
    expect(isRevocable(item({}), NOW)).toBe(true);
  });

  it('lists online screens first and revoked ones last, newest first within each', () => {
    const rows = sortCredentials(
      [
        item({ id: 'revoked', revokedAtMs: NOW, createdAtMs: NOW }),
        item({ id: 'old-offline', createdAtMs: NOW - 50 }),
        item({ id: 'online', online: 1, createdAtMs: NOW - 100 }),
        item({ id: 'new-offline', createdAtMs: NOW - 10 }),
      ],
      NOW,
    );
    expect(rows.map((row) => row.id)).toEqual(['online', 'new-offline', 'old-offline', 'revoked']);
  });
});
