/**
 * Carries out client commands: checks the role, hands the command to the
 * module that owns it, and writes it to the audit log with its outcome. The
 * audit entry is built here, once; a module that stores a change together
 * with its entry, in one transaction, says so by returning 'audited'.
 */
import { type Role, ValidationError, mayCommand } from '../protocol';
import type { AuditEntry, AuditLog } from '../store/audit-log';
import type { BridgeModule, CommandHandler } from './bridge-module';
import type { CommandMessage, CommandOutcome } from './requests';
import { RequestError } from './request-error';

export interface CommandRouterDeps {
  /** Features whose commands are routed to them. */
  modules: readonly BridgeModule[];
  audit: AuditLog;
  /** Wall clock, ms since the epoch. @default Date.now */
  now?: () => number;
}

/** Who sent the command, as far as the handshake got: no role before `welcome`. */
type Sender = { role: Role | null; label: string };

/** The audit entry of a command: who asked for what, and how it ended. */
export function commandAuditEntry(command: CommandMessage, sender: Sender, atMs: number, outcome: AuditEntry['outcome'], detail?: string): AuditEntry {
  const { type, id, ...payload } = command;
  return {
    atMs,
    actorRole: sender.role ?? 'unknown',
    actorLabel: sender.label,
    command: type,
    requestId: id,
    payload,
    outcome,
    ...(detail !== undefined && { detail }),
  };
}

export function createCommandRouter(deps: CommandRouterDeps): (command: CommandMessage, sender: Sender) => Promise<CommandOutcome> {
  const now = deps.now ?? Date.now;
  const handlers = new Map<string, CommandHandler>();
  const unauditedRefusals = new Set<string>();
  for (const module of deps.modules) {
    for (const [type, handler] of Object.entries(module.commands ?? {})) {
      if (handlers.has(type)) throw new Error(`two bridge modules handle the ${type} command`);
      handlers.set(type, handler as CommandHandler);
      if (module.auditRefusals === false) unauditedRefusals.add(type);
    }
  }
  const refuse = (command: CommandMessage, sender: Sender, code: RefusalCode, message: string): CommandOutcome => {
    if (!unauditedRefusals.has(command.type)) deps.audit.record(commandAuditEntry(command, sender, now(), code, message));
    return { ok: false, code, message };
  };
  return async (command, sender) => {
    const { role } = sender;
    if (!mayCommand(role)) {
      return refuse(command, sender, 'forbidden', `${command.type} needs the operator role; this session is read-only (${role ?? 'not greeted'})`);
    }
    const handler = handlers.get(command.type);
    if (!handler) return refuse(command, sender, 'rejected', `${command.type} is not available on this bridge`);
    try {
      const accepted = commandAuditEntry(command, sender, now(), 'ok');
      if ((await handler(command, { role, label: sender.label }, accepted)) !== 'audited') deps.audit.record(accepted);
      return { ok: true };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return refuse(command, sender, refusalCode(error), message);
    }
  };
}

type RefusalCode = Extract<CommandOutcome, { ok: false }>['code'];

/** A module's RequestError (a source's and an alert action's refusals are ones too) keeps its code. */
function refusalCode(error: unknown): RefusalCode {
  if (error instanceof RequestError) return error.code;
  return error instanceof ValidationError ? 'invalid' : 'rejected';
}
