/**
 * Reads the messages the bridge posts to its parent. They come from another
 * process, so they are validated like any other input before main trusts a
 * port, an origin or a token from them.
 */
import * as v from 'valibot';
import { ValidationError, describe, parseAt, rule } from '../../../backend-bridge/protocol/validation';
import type { ParentMessage } from '../../../backend-bridge/app/parent-channel';
import { httpOrigin } from '../http-origin';

const token = v.pipe(v.string(), v.minLength(1), v.maxLength(256));

const ready = v.strictObject({
  type: v.literal('bridge-ready'),
  port: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65535)),
  origin: httpOrigin,
  tokens: v.strictObject({ operator: token, viewer: token }),
});

const failed = v.strictObject({
  type: v.literal('bridge-failed'),
  reason: v.pipe(v.string(), v.maxLength(4096)),
});

const bridgeMessage = v.pipe(
  v.variant('type', [ready, failed]),
  rule((message) =>
    message.type === 'bridge-ready' && portOf(message.origin) !== message.port
      ? { path: ['origin'], reason: `names another port than ${message.port}: ${message.origin}` }
      : undefined,
  ),
);

export function parseBridgeMessage(value: unknown): ParentMessage {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  if (type !== 'bridge-ready' && type !== 'bridge-failed') {
    throw new ValidationError('message.type', `expected "bridge-ready" or "bridge-failed", got ${describe(type)}`);
  }
  return parseAt(bridgeMessage, value, 'message');
}

/** The port an origin points at, filling in the scheme's default that URL leaves out. */
function portOf(origin: string): number {
  const url = new URL(origin);
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}
