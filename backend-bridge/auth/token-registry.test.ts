import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { CredentialStore } from './credential-store';
import { TokenRegistry, hashToken, issueDemoLinks, issueDemoTokens } from './token-registry';

describe('TokenRegistry', () => {
  it('gives the viewer role to a client that sends no token', () => {
    expect(new TokenRegistry().check(undefined)).toEqual({ ok: true, role: 'viewer', credential: null });
  });

  it('refuses a token it does not know instead of downgrading it, giving the cause first', () => {
    const registry = new TokenRegistry();
    registry.add('right', 'operator');
    expect(registry.check('wrong')).toEqual({ ok: false, refusal: { cause: 'unknown' }, reason: 'unknown: token is not valid for this bridge' });
  });

  it('accepts tokens registered by their SHA-256 hash, as a config file stores them', () => {
    const registry = new TokenRegistry();
    registry.addHashed(hashToken('s3cret').toUpperCase(), 'admin');
    expect(registry.check('s3cret')).toEqual({ ok: true, role: 'admin', credential: { id: `config:${hashToken('s3cret').slice(0, 8)}`, source: 'config' } });
  });

  it('issues distinct demo tokens for each role that resolve to that role', () => {
    const registry = new TokenRegistry();
    const tokens = issueDemoTokens(registry);
    expect(new Set(Object.values(tokens)).size).toBe(3);
    expect(registry.check(tokens.operator)).toMatchObject({ ok: true, role: 'operator', credential: { source: 'session' } });
    expect(registry.check(tokens.viewer)).toMatchObject({ ok: true, role: 'viewer' });
    expect(tokens.operator).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('finds demo links in the attached store, and says when one was revoked', () => {
    const registry = new TokenRegistry();
    expect(() => issueDemoLinks(registry, 1000)).toThrow(/after the bridge started/);
    const store = new CredentialStore(openDatabase(null), () => 5000);
    registry.attachStore(store);
    const links = issueDemoLinks(registry, 60_000);
    const checked = registry.check(links.admin);
    expect(checked).toMatchObject({ ok: true, role: 'admin', credential: { source: 'link' } });
    if (!checked.ok || !checked.credential) throw new Error('unreachable');
    store.revoke(checked.credential.id, 'test');
    expect(registry.check(links.admin)).toEqual({
      ok: false,
      refusal: { cause: 'revoked', revokedAtMs: 5000 },
      reason: 'revoked@5000: revoked by an administrator',
    });
  });
});
