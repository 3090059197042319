import { CloseCode } from '@protocol';
import { describe, expect, it } from 'vitest';
import { refusalAdvice } from './refusal-advice';

describe('refusalAdvice', () => {
  it('tells a dead link to open the link the bridge printed last', () => {
    expect(refusalAdvice(CloseCode.invalidToken, 'unknown: token is not valid for this bridge', 'link')).toEqual({
      title: 'devices.refusal.linkUnknownTitle',
      hint: 'devices.refusal.linkUnknown',
    });
    expect(refusalAdvice(CloseCode.invalidToken, 'expired: this link has expired', 'link')?.hint).toBe('devices.refusal.linkUnknown');
    // An older bridge's reason has no cause word: still a token problem.
    expect(refusalAdvice(CloseCode.invalidToken, 'token is not valid for this bridge', null)?.hint).toBe('devices.refusal.linkUnknown');
  });

  it('tells a screen whose pairing the bridge does not know that it needs pairing again', () => {
    expect(refusalAdvice(CloseCode.invalidToken, 'unknown: token is not valid for this bridge', 'device')?.hint).toBe('devices.refusal.deviceUnknown');
  });

  it('says when an administrator revoked the screen', () => {
    expect(refusalAdvice(CloseCode.invalidToken, 'revoked@1765150000000: revoked by an administrator', 'device')).toEqual({
      title: 'devices.refusal.revokedTitle',
      hint: 'devices.refusal.revoked',
      revokedAtMs: 1765150000000,
    });
  });

  it('asks for a reload on a protocol mismatch or a bad handshake, and has nothing to add otherwise', () => {
    expect(refusalAdvice(CloseCode.protocolMismatch, 'protocol 2 is not supported', null)?.hint).toBe('devices.refusal.protocol');
    expect(refusalAdvice(CloseCode.badHandshake, 'bad handshake: x', null)?.hint).toBe('devices.refusal.handshake');
    expect(refusalAdvice(null, 'URL token: given 2 times; give it once', null)).toBeNull();
  });
});
