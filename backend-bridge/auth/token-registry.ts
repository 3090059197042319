/**
 * Maps session tokens to roles. Tokens are kept only as SHA-256 hashes so a
 * memory dump or a config file does not reveal a usable token.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../protocol';

export type TokenCheck = { ok: true; role: Role } | { ok: false; reason: string };

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A fresh random token: 24 bytes, URL-safe base64 (32 characters). */
export const newToken = (): string => randomBytes(24).toString('base64url');

export class TokenRegistry {
  private readonly roleByHash = new Map<string, Role>();

  /** Registers a token (given in clear) for a role. */
  add(token: string, role: Role): void {
    this.roleByHash.set(hashToken(token), role);
  }

  /**
   * Registers an already hashed token, as stored in a config file.
   * @param sha256Hex SHA-256 of the token's UTF-8 bytes, 64 hex digits (either case)
   */
  addHashed(sha256Hex: string, role: Role): void {
    if (!/^[0-9a-fA-F]{64}$/.test(sha256Hex)) throw new RangeError(`a token hash must be 64 hex digits (SHA-256), got ${sha256Hex.length} characters`);
    const hash = sha256Hex.toLowerCase();
    const existing = this.roleByHash.get(hash);
    // The same token listed twice with different roles is a config mistake, not a choice between them.
    if (existing && existing !== role) throw new RangeError(`the token hashed ${hash.slice(0, 8)}… is listed as both ${existing} and ${role}`);
    this.roleByHash.set(hash, role);
  }

  /**
   * Resolves the token a client sent. No token means a read-only viewer (the
   * cockpit on a tablet needs no secret); a token that is present but unknown
   * is refused rather than silently downgraded, so a typo is noticed.
   */
  check(token: string | undefined): TokenCheck {
    if (token === undefined || token === '') return { ok: true, role: 'viewer' };
    const role = this.roleByHash.get(hashToken(token));
    return role ? { ok: true, role } : { ok: false, reason: 'token is not valid for this bridge' };
  }
}

/** Demo mode issues its own local tokens, one per role, fresh at every start. */
export function issueDemoTokens(registry: TokenRegistry): Record<Role, string> {
  const tokens: Record<Role, string> = { viewer: newToken(), operator: newToken(), admin: newToken() };
  for (const [role, token] of Object.entries(tokens) as [Role, string][]) registry.add(token, role);
  return tokens;
}
