/**
 * What a refused screen should do, by cause: the banner's title and
 * instruction keys. The cause comes from the close code and, for a refused
 * token, the cause word the bridge puts first in its reason
 * (see backend-bridge/protocol/device-messages.ts).
 */
import { CloseCode, parseCredentialRefusal } from '@protocol';
import type { CredentialOrigin } from '../connection/session-token';

export interface RefusalAdvice {
  title:
    | 'devices.refusal.linkUnknownTitle'
    | 'devices.refusal.deviceUnknownTitle'
    | 'devices.refusal.revokedTitle'
    | 'devices.refusal.protocolTitle'
    | 'devices.refusal.handshakeTitle';
  hint: 'devices.refusal.linkUnknown' | 'devices.refusal.deviceUnknown' | 'devices.refusal.revoked' | 'devices.refusal.protocol' | 'devices.refusal.handshake';
  /** When an admin revoked the credential, ms since the epoch (bridge clock). */
  revokedAtMs?: number;
}

/** null for a refusal without a known cause (e.g. a malformed URL found before connecting): the banner then shows the reason as given. */
export function refusalAdvice(code: number | null, reason: string | null, refusedFrom: CredentialOrigin | null): RefusalAdvice | null {
  switch (code) {
    case CloseCode.invalidToken: {
      const refusal = parseCredentialRefusal(reason ?? '');
      if (refusal?.cause === 'revoked') {
        return { title: 'devices.refusal.revokedTitle', hint: 'devices.refusal.revoked', ...(refusal.revokedAtMs !== undefined && { revokedAtMs: refusal.revokedAtMs }) };
      }
      return refusedFrom === 'device'
        ? { title: 'devices.refusal.deviceUnknownTitle', hint: 'devices.refusal.deviceUnknown' }
        : { title: 'devices.refusal.linkUnknownTitle', hint: 'devices.refusal.linkUnknown' };
    }
    case CloseCode.protocolMismatch:
      return { title: 'devices.refusal.protocolTitle', hint: 'devices.refusal.protocol' };
    case CloseCode.badHandshake:
      return { title: 'devices.refusal.handshakeTitle', hint: 'devices.refusal.handshake' };
    default:
      return null;
  }
}
