/**
 * Routes read-only client requests to the bridge module that answers them.
 * Refusals become `error` replies with the module's code and reason.
 */
import { ValidationError } from '../protocol';
import type { BridgeModule, QueryHandler } from './bridge-module';
import type { QueryMessage, QueryOutcome } from './requests';
import { RequestError } from './request-error';
import type { Session } from './session';

export function createQueryRouter(modules: readonly BridgeModule[]): (query: QueryMessage, session: Session) => Promise<QueryOutcome> {
  const handlers = new Map<string, QueryHandler>();
  for (const module of modules) {
    for (const [type, handler] of Object.entries(module.queries ?? {})) {
      if (handlers.has(type)) throw new Error(`two bridge modules answer the ${type} request`);
      handlers.set(type, handler as QueryHandler);
    }
  }
  return async (query, session) => {
    const handler = handlers.get(query.type);
    if (!handler) return { ok: false, code: 'rejected', message: `${query.type} is not available on this bridge` };
    try {
      const reply = await handler(query, session);
      return reply ? { ok: true, reply } : { ok: true };
    } catch (error) {
      if (error instanceof RequestError) return { ok: false, code: error.code, message: error.message };
      if (error instanceof ValidationError) return { ok: false, code: 'invalid', message: error.message };
      throw error;
    }
  };
}
