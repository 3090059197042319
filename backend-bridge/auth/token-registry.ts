/**
 * Maps session tokens to roles. Tokens are kept only as SHA-256 hashes so a
 * memory dump or a config file does not reveal a usable token.
 *
 * Two kinds live here, in memory: configured tokens (the config file's
 * hashes) and session tokens (handed to the desktop app over its private
 * channel, dying with the process). Links and paired devices live in the
 * attached CredentialStore, in the database, and survive restarts.
 */
import { type CredentialRefusal, type Role, credentialRefusalReason } from '../protocol';
import type { CredentialStore } from './credential-store';
import { hashToken, newToken } from './token-hash';

export { hashToken, newToken } from './token-hash';

/** Where a session's credential comes from: the config file, the desktop app's channel, a printed link or a pairing. */
export type CredentialSource = 'config' | 'session' | 'link' | 'device';

/** The credential a session presented; null for a viewer without a token. */
export interface SessionCredential {
  /** The store's id for links and devices; `config:<hash prefix>` or `session:<hash prefix>` otherwise. */
  id: string;
  source: CredentialSource;
}

export type TokenCheck =
  | { ok: true; role: Role; credential: SessionCredential | null }
  | { ok: false; reason: string; refusal: CredentialRefusal };

interface MemoryToken {
  role: Role;
  source: 'config' | 'session';
}

export class TokenRegistry {
  private readonly byHash = new Map<string, MemoryToken>();
  private credentials: CredentialStore | null = null;

  /** Registers a session token (given in clear) for a role: kept in memory only, for this process's life. */
  add(token: string, role: Role): void {
    this.byHash.set(hashToken(token), { role, source: 'session' });
  }

  /**
   * Registers an already hashed token, as stored in a config file.
   * @param sha256Hex SHA-256 of the token's UTF-8 bytes, 64 hex digits (either case)
   */
  addHashed(sha256Hex: string, role: Role): void {
    if (!/^[0-9a-fA-F]{64}$/.test(sha256Hex)) throw new RangeError(`a token hash must be 64 hex digits (SHA-256), got ${sha256Hex.length} characters`);
    const hash = sha256Hex.toLowerCase();
    const existing = this.byHash.get(hash);
    // The same token listed twice with different roles is a config mistake, not a choice between them.
    if (existing && existing.role !== role) throw new RangeError(`the token hashed ${hash.slice(0, 8)}… is listed as both ${existing.role} and ${role}`);
    this.byHash.set(hash, { role, source: 'config' });
  }

  /** Links and devices are looked up here too; the bridge attaches its store when it opens the database. */
  attachStore(store: CredentialStore): void {
    this.credentials = store;
  }

  /** The attached store; null before the bridge opened its database. */
  get store(): CredentialStore | null {
    return this.credentials;
  }

  /**
   * Resolves the token a client sent. No token means a read-only viewer (the
   * cockpit on a tablet needs no secret); a token that is present but unknown
   * is refused rather than silently downgraded, so a typo is noticed.
   */
  check(token: string | undefined): TokenCheck {
    if (token === undefined || token === '') return { ok: true, role: 'viewer', credential: null };
    const hash = hashToken(token);
    const memory = this.byHash.get(hash);
    if (memory) return { ok: true, role: memory.role, credential: { id: `${memory.source}:${hash.slice(0, 8)}`, source: memory.source } };
    const stored = this.credentials?.check(token);
    if (stored?.ok) return { ok: true, role: stored.record.role, credential: { id: stored.record.id, source: stored.record.kind } };
    const refusal = stored?.refusal ?? { cause: 'unknown' as const };
    return { ok: false, refusal, reason: credentialRefusalReason(refusal, REFUSAL_DETAIL[refusal.cause]) };
  }
}

const REFUSAL_DETAIL: Record<CredentialRefusal['cause'], string> = {
  unknown: 'token is not valid for this bridge',
  expired: 'this link has expired',
  revoked: 'revoked by an administrator',
};

/** Session tokens, one per role, in memory only: the desktop app's windows and tests. */
export function issueDemoTokens(registry: TokenRegistry): Record<Role, string> {
  const tokens: Record<Role, string> = { viewer: newToken(), operator: newToken(), admin: newToken() };
  for (const [role, token] of Object.entries(tokens) as [Role, string][]) registry.add(token, role);
  return tokens;
}

/**
 * Demo mode's printed links, one per role, fresh at every start and kept
 * (hashed) in the database, so links printed at earlier starts keep working
 * until they expire. Needs the bridge's store attached (after `startBridge`).
 */
export function issueDemoLinks(registry: TokenRegistry, ttlMs: number): Record<Role, string> {
  const store = registry.store;
  if (!store) throw new Error('demo links need the bridge database; issue them after the bridge started');
  const issue = (role: Role) => store.issue('link', role, `demo link (${role})`, { ttlMs }).token;
  return { viewer: issue('viewer'), operator: issue('operator'), admin: issue('admin') };
}
