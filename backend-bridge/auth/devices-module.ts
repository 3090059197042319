/**
 * Links and paired devices as a bridge module: opens the credential store
 * in the bridge's database (pruning expired links), attaches it to the
 * token registry so hellos find links and devices, pairs a page that
 * connected with a link or configured token, and lets admins list and revoke.
 */
import { CloseCode, type CredentialSummary, credentialRefusalReason } from '../protocol';
import type { BridgeModule, BridgeModuleContext } from '../core/bridge-module';
import { RequestError } from '../core/request-error';
import type { Session } from '../core/session';
import { type CredentialRecord, CredentialStore } from './credential-store';

/** Sources whose sessions may pair: a printed link or a configured token. The desktop app's session tokens need no pairing. */
const PAIRABLE_SOURCES = new Set(['link', 'config']);

function requireAdmin(role: string | null, what: string): void {
  if (role !== 'admin') throw new RequestError('forbidden', `${what} needs the admin role; this session is ${role ?? 'not greeted'}`);
}

export function summarize(record: CredentialRecord, online: number): CredentialSummary {
  const { id, kind, role, label, createdAtMs, expiresAtMs, lastUsedAtMs, revokedAtMs, revokedBy } = record;
  return { id, kind, role, label, createdAtMs, expiresAtMs, lastUsedAtMs, revokedAtMs, revokedBy, online };
}

/** @param now wall clock, ms since the epoch. @default Date.now */
export function createDevicesModule(context: BridgeModuleContext, now: () => number = Date.now): BridgeModule {
  const { clients, log, audit } = context;
  const store = new CredentialStore(context.db, now);
  const pruned = store.pruneExpired();
  if (pruned > 0) log.info(`pruned ${pruned} expired or long-revoked credential(s)`);
  context.options.tokens.attachStore(store);

  const sessionsOf = (credentialId: string): Session[] => [...clients.readySessions()].filter((session) => session.credential?.id === credentialId);

  return {
    name: 'devices',
    queries: {
      'pair-device': (query, session) => {
        const via = session.credential;
        if (!via || !PAIRABLE_SOURCES.has(via.source) || session.role === null) {
          throw new RequestError('rejected', `only a session opened with a link or configured token pairs (this one: ${via?.source ?? 'no token'})`);
        }
        // Re-opening a link in a browser that was paired before replaces that pairing instead of adding one.
        const earlier = query.replaces === undefined ? null : store.findByToken(query.replaces);
        if (earlier?.kind === 'device') store.revoke(earlier.id, `re-paired by ${session.label}`);
        const { token, record } = store.issue('device', session.role, query.label, { pairedVia: via.id });
        audit.record({
          atMs: now(),
          actorRole: session.role,
          actorLabel: session.label,
          command: 'pair-device',
          requestId: query.id,
          payload: { label: query.label, deviceId: record.id, pairedVia: via.id, ...(earlier && { replaced: earlier.id }) },
          outcome: 'ok',
        });
        log.info(`paired device ${record.id} (${record.label}) as ${record.role} via ${via.id}`);
        return { type: 'device-paired', requestId: query.id, deviceId: record.id, credential: token, role: record.role, label: record.label };
      },
      'list-credentials': (query, session) => {
        requireAdmin(session.role, 'listing devices and links');
        const online = new Map<string, number>();
        for (const ready of clients.readySessions()) {
          const id = ready.credential?.id;
          if (id !== undefined) online.set(id, (online.get(id) ?? 0) + 1);
        }
        return { type: 'credential-list', requestId: query.id, items: store.list().map((record) => summarize(record, online.get(record.id) ?? 0)) };
      },
    },
    commands: {
      'revoke-credential': (command, caller) => {
        requireAdmin(caller.role, 'revoking a device or link');
        const record = store.revoke(command.credentialId, caller.label);
        if (!record) throw new RequestError('not-found', `no device or link ${command.credentialId}`);
        const reason = credentialRefusalReason({ cause: 'revoked', revokedAtMs: record.revokedAtMs ?? now() }, 'revoked by an administrator');
        for (const session of sessionsOf(record.id)) session.close?.(CloseCode.invalidToken, reason);
        log.info(`${caller.label} revoked ${record.kind} ${record.id} (${record.label})`);
      },
    },
    health: () => {
      const live = store.list().filter((record) => record.revokedAtMs === null);
      return { devices: live.filter((record) => record.kind === 'device').length, links: live.filter((record) => record.kind === 'link').length };
    },
  };
}
