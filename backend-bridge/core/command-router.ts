/**
 * Carries out client commands: checks the role, runs the command, and writes
 * every one to the audit log with its outcome — an alert action together
 * with the alert change it makes, in one transaction.
 */
import type { AlertService } from '../alerts/alert-service';
import { AlertActionError } from '../alerts/lifecycle';
import { ValidationError, mayCommand } from '../protocol';
import type { AuditEntry } from '../store/audit-log';
import type { AlertStore } from '../store/alert-store';
import { type LiveSource, SourceRequestError } from '../sources/live-source';
import type { BridgeModule, CommandHandler } from './bridge-module';
import type { ClientSession, CommandMessage, CommandOutcome } from '../server/client-session';
import { RequestError } from './request-error';

export interface CommandDeps {
  source: LiveSource;
  alerts: AlertService;
  /** Where audit entries of commands that change no alert go. */
  store: AlertStore;
  /** Features whose commands are routed to them. */
  modules?: readonly BridgeModule[];
  /** Wall clock, ms since the epoch. @default Date.now */
  now?: () => number;
}

type Caller = Pick<ClientSession, 'role' | 'label'>;

export function createCommandHandler(deps: CommandDeps): (command: CommandMessage, session: Caller) => Promise<CommandOutcome> {
  const now = deps.now ?? Date.now;
  const moduleHandlers = new Map<string, CommandHandler>();
  const unauditedRefusals = new Set<string>();
  for (const module of deps.modules ?? []) {
    for (const [type, handler] of Object.entries(module.commands ?? {})) {
      if (moduleHandlers.has(type)) throw new Error(`two bridge modules handle the ${type} command`);
      moduleHandlers.set(type, handler as CommandHandler);
      if (module.auditRefusals === false) unauditedRefusals.add(type);
    }
  }
  const recordRefusal = (entry: AuditEntry): void => {
    if (!unauditedRefusals.has(entry.command)) deps.store.recordAudit(entry);
  };
  return async (command, session) => {
    const { type, id, ...payload } = command;
    const entry = (outcome: AuditEntry['outcome'], detail?: string): AuditEntry => ({
      atMs: now(),
      actorRole: session.role ?? 'unknown',
      actorLabel: session.label,
      command: type,
      requestId: id,
      payload,
      outcome,
      ...(detail !== undefined && { detail }),
    });
    const role = session.role;
    if (!mayCommand(role)) {
      const message = `${type} needs the operator role; this session is read-only (${role ?? 'not greeted'})`;
      recordRefusal(entry('forbidden', message));
      return { ok: false, code: 'forbidden', message };
    }
    try {
      const handler = moduleHandlers.get(command.type);
      if (handler) {
        const result = await handler(command, { role, label: session.label }, entry);
        if (result !== 'audited') deps.store.recordAudit(entry('ok'));
        return { ok: true };
      }
      switch (command.type) {
        case 'alert-action': {
          const { alertId, action, note, assignee } = command;
          deps.alerts.act({ alertId, action, note, ...(assignee !== undefined && { assignee }) }, { role, label: session.label }, entry('ok'));
          return { ok: true };
        }
        case 'set-sim-clock':
          deps.source.setClock({ speedFactor: command.speedFactor, paused: command.paused });
          break;
        case 'create-incident':
          deps.source.createIncident({ linkId: command.linkId, capacityFactor: command.capacityFactor, durationS: command.durationS });
          break;
        default:
          throw new RequestError('rejected', `${command.type} is not available on this bridge`);
      }
      deps.store.recordAudit(entry('ok'));
      return { ok: true };
    } catch (error) {
      const code =
        error instanceof SourceRequestError || error instanceof AlertActionError || error instanceof RequestError
          ? error.code
          : error instanceof ValidationError
            ? 'invalid'
            : 'rejected';
      const message = error instanceof Error ? error.message : String(error);
      recordRefusal(entry(code, message));
      return { ok: false, code, message };
    }
  };
}
