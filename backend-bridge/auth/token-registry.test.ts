import { describe, expect, it } from 'vitest';
import { TokenRegistry, hashToken, issueDemoTokens } from './token-registry';

describe('TokenRegistry', () => {
  it('gives the viewer role to a client that sends no token', () => {
    expect(new TokenRegistry().check(undefined)).toEqual({ ok: true, role: 'viewer' });
  });

  it('refuses a token it does not know instead of downgrading it', () => {
    const registry = new TokenRegistry();
    registry.add('right', 'operator');
    expect(registry.check('wrong')).toEqual({ ok: false, reason: 'token is not valid for this bridge' });
  });

  it('accepts tokens registered by their SHA-256 hash, as a config file stores them', () => {
    const registry = new TokenRegistry();
    registry.addHashed(hashToken('s3cret').toUpperCase(), 'admin');
    expect(registry.check('s3cret')).toEqual({ ok: true, role: 'admin' });
  });

  it('issues distinct demo tokens for each role that resolve to that role', () => {
    const registry = new TokenRegistry();
    const tokens = issueDemoTokens(registry);
    expect(new Set(Object.values(tokens)).size).toBe(3);
    expect(registry.check(tokens.operator)).toEqual({ ok: true, role: 'operator' });
    expect(registry.check(tokens.viewer)).toEqual({ ok: true, role: 'viewer' });
    expect(tokens.operator).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});
