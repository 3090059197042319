/**
 * POST /api/alerts/cap: ingest of OASIS CAP 1.2 alerts from outside systems.
 *
 *   Authorization: Bearer <operator or admin token>   401 without a valid one, 403 for a viewer's
 *   Content-Type: application/cap+xml, application/xml or text/xml (UTF-8)   else 415
 *   body: one CAP <alert>, at most maxBodyBytes                               else 413
 *
 * 201 {id, seq} once the alert is stored (and already pushed to clients);
 * 400 {error, element, reason} for malformed or invalid CAP; 409 for a
 * sender and identifier received before. Stored in one transaction with its
 * audit entry, so a refused message leaves nothing behind.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import contentType from 'content-type';
import getRawBody from 'raw-body';
import { mayCommand } from '../../protocol';
import type { AlertService } from '../alert-service';
import type { CapMapper } from './cap-alert';
import { CapError, parseCap } from './cap-xml';
import { DuplicateCapError } from '../../store/alert-store';
import type { AuditEntry, AuditLog } from '../../store/audit-log';
import type { TokenRegistry } from '../../auth/token-registry';
import { type HttpRoute, sendJson } from '../../core/http-route';
import type { Logger } from '../../core/log';

export const CAP_PATH = '/api/alerts/cap';
const CAP_MEDIA_TYPES = ['application/cap+xml', 'application/xml', 'text/xml'];
/** Largest CAP message accepted, bytes. Real ones are a few KiB; polygons make the big ones. @default 256 KiB */
export const DEFAULT_MAX_CAP_BYTES = 256 * 1024;

export interface CapEndpointOptions {
  tokens: TokenRegistry;
  mapper: CapMapper;
  alerts: AlertService;
  /** Where refusals of authorised senders are audited. */
  audit: AuditLog;
  /** The city clock now, ms: the time an ingested alert is placed at for correlation. */
  simNow: () => number;
  /** @default DEFAULT_MAX_CAP_BYTES */
  maxBodyBytes: number;
  log: Logger;
}

type Refusal = { status: number; outcome: AuditEntry['outcome']; body: { error: string; element?: string; reason?: string } };

/** Content-Type must name an XML media type; a charset, if given, must be UTF-8. */
function contentTypeProblem(header: string | undefined): string | null {
  const expected = `expected Content-Type ${CAP_MEDIA_TYPES.join(', ')}`;
  if (!header) return `${expected}; got none`;
  let parsed: contentType.ParsedMediaType;
  try {
    parsed = contentType.parse(header);
  } catch (error) {
    return `${expected}; got ${JSON.stringify(header)}, which does not parse (${error instanceof Error ? error.message : String(error)})`;
  }
  if (!CAP_MEDIA_TYPES.includes(parsed.type)) return `${expected}; got ${JSON.stringify(header)}`;
  const charset = parsed.parameters.charset?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8') return `expected charset utf-8, got ${charset}`;
  return null;
}

/** raw-body's refusal of a body over its limit, declared or read. */
const isTooLarge = (error: unknown) => (error as { type?: unknown } | null)?.type === 'entity.too.large';

export function createCapRoute(options: CapEndpointOptions): HttpRoute {
  const utf8 = new TextDecoder('utf-8', { fatal: true });

  const handler = async (request: IncomingMessage, response: ServerResponse) => {
    // A body refused before it was read is not read at all: the answer closes the connection.
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      sendJson(response, status, body, request.complete ? headers : { ...headers, Connection: 'close' });
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const check = bearer === undefined ? { ok: false as const, reason: 'an Authorization: Bearer token is required' } : options.tokens.check(bearer);
    if (!check.ok) return answer(401, { error: check.reason }, { 'WWW-Authenticate': 'Bearer realm="citybrain"' });
    if (!mayCommand(check.role)) return answer(403, { error: `posting alerts needs an operator or admin token; this one is a ${check.role}’s` });

    const role = check.role;
    /** The audit names the connection; the alert's history names the CAP sender. */
    const audit = (outcome: AuditEntry['outcome'], payload: unknown, detail?: string): AuditEntry => ({
      atMs: Date.now(),
      actorRole: role,
      actorLabel: `http:${request.socket.remoteAddress ?? 'unknown'}`,
      command: 'cap-ingest',
      payload,
      outcome,
      ...(detail !== undefined && { detail }),
    });
    const refuse = ({ status, outcome, body }: Refusal, payload: unknown = null) => {
      options.audit.record(audit(outcome, payload, body.error));
      answer(status, body);
    };

    const typeProblem = contentTypeProblem(request.headers['content-type']);
    if (typeProblem) return refuse({ status: 415, outcome: 'unsupported-media-type', body: { error: typeProblem } });
    let body: Buffer;
    try {
      // A declared Content-Length over the limit is refused before reading; a body that grows past it is cut off.
      body = await getRawBody(request, { length: request.headers['content-length'], limit: options.maxBodyBytes });
    } catch (error) {
      if (isTooLarge(error)) return refuse({ status: 413, outcome: 'too-large', body: { error: `the body exceeds the limit of ${options.maxBodyBytes} bytes` } });
      return refuse({ status: 400, outcome: 'invalid', body: { error: `the body could not be read: ${error instanceof Error ? error.message : String(error)}` } });
    }
    let xml: string;
    try {
      xml = utf8.decode(body);
    } catch {
      return refuse({ status: 400, outcome: 'invalid', body: { error: 'the body is not valid UTF-8', element: 'xml', reason: 'not valid UTF-8' } });
    }

    let identity: { sender: string; identifier: string } | null = null;
    try {
      const cap = parseCap(xml);
      identity = { sender: cap.sender, identifier: cap.identifier };
      const draft = options.mapper.toDraft(cap, options.simNow());
      const alert = options.alerts.raise(draft, { role, label: `cap:${cap.sender}` }, audit('ok', identity));
      sendJson(response, 201, { id: alert.id, seq: alert.seq });
    } catch (error) {
      if (error instanceof CapError) {
        return refuse({ status: 400, outcome: 'invalid', body: { error: error.message, element: error.element, reason: error.reason } }, identity);
      }
      if (error instanceof DuplicateCapError) {
        return refuse({ status: 409, outcome: 'conflict', body: { error: error.message, element: 'alert.identifier', reason: 'received before' } }, identity);
      }
      options.log.error(`CAP ingest failed: ${error instanceof Error ? error.stack : String(error)}`);
      sendJson(response, 500, { error: 'the alert could not be stored; nothing was kept, try again' });
    }
  };
  return { method: 'POST', path: CAP_PATH, handler };
}
