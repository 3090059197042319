/**
 * The admin list's rows from the bridge's `credential-list`: live ones
 * first (online before offline), then expired and revoked ones, newest first
 * within each; and each row's state as a key the dialog translates.
 */
import type { CredentialSummary } from '@protocol';

export type CredentialState =
  | { state: 'revoked'; atMs: number }
  | { state: 'expired' }
  | { state: 'online'; count: number }
  | { state: 'offline'; validUntilMs: number | null };

export function credentialState(item: CredentialSummary, nowMs: number): CredentialState {
  if (item.revokedAtMs !== null) return { state: 'revoked', atMs: item.revokedAtMs };
  if (item.expiresAtMs !== null && item.expiresAtMs <= nowMs) return { state: 'expired' };
  if (item.online > 0) return { state: 'online', count: item.online };
  return { state: 'offline', validUntilMs: item.expiresAtMs };
}

const RANK: Record<CredentialState['state'], number> = { online: 0, offline: 1, expired: 2, revoked: 3 };

/** Whether an admin can still revoke it. */
export const isRevocable = (item: CredentialSummary, nowMs: number): boolean => {
  const { state } = credentialState(item, nowMs);
  return state === 'online' || state === 'offline';
};

export function sortCredentials(items: readonly CredentialSummary[], nowMs: number): CredentialSummary[] {
  return [...items].sort(
    (a, b) => RANK[credentialState(a, nowMs).state] - RANK[credentialState(b, nowMs).state] || b.createdAtMs - a.createdAtMs,
  );
}
