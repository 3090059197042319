/**
 * Reads the messages the bridge posts to its parent. They come from another
 * process, so they are validated like any other input before main trusts a
 * port, an origin or a token from them.
 */
import { ValidationError, describe, literal, num, object, str } from '../../../backend-bridge/protocol/check';
import type { ParentMessage } from '../../../backend-bridge/app/parent-channel';
import { httpOrigin } from '../http-origin';

const token = str({ minLength: 1, maxLength: 256 });

const ready = object({
  type: literal('bridge-ready'),
  port: num({ integer: true, min: 1, max: 65535 }),
  origin: httpOrigin,
  tokens: object({ operator: token, viewer: token }),
});

const failed = object({
  type: literal('bridge-failed'),
  reason: str({ maxLength: 4096 }),
});

export function parseBridgeMessage(value: unknown): ParentMessage {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  if (type === 'bridge-failed') return failed(value, 'message');
  if (type !== 'bridge-ready') {
    throw new ValidationError('message.type', `expected "bridge-ready" or "bridge-failed", got ${describe(type)}`);
  }
  const message = ready(value, 'message');
  if (portOf(message.origin) !== message.port) {
    throw new ValidationError('message.origin', `names another port than ${message.port}: ${message.origin}`);
  }
  return message;
}

/** The port an origin points at, filling in the scheme's default that URL leaves out. */
function portOf(origin: string): number {
  const url = new URL(origin);
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}
