import { describe, expect, it } from 'vitest';
import { parseBridgeMessage } from './bridge-process-plan';

const ready = {
  type: 'bridge-ready',
  port: 40123,
  origin: 'http://127.0.0.1:40123',
  tokens: { operator: 'op', viewer: 'view' },
};

describe('parseBridgeMessage', () => {
  it('accepts the ready message', () => {
    expect(parseBridgeMessage(ready)).toEqual(ready);
  });

  it('accepts the failure message', () => {
    expect(parseBridgeMessage({ type: 'bridge-failed', reason: 'EADDRINUSE' })).toEqual({
      type: 'bridge-failed',
      reason: 'EADDRINUSE',
    });
  });

  it('understands an origin on the scheme\'s default port', () => {
    expect(parseBridgeMessage({ ...ready, port: 80, origin: 'http://127.0.0.1' })).toMatchObject({ port: 80 });
  });

  it.each([
    ['hello', 'message.type: expected "bridge-ready" or "bridge-failed", got undefined'],
    [{ type: 'bridge-started' }, 'message.type: expected "bridge-ready" or "bridge-failed", got "bridge-started"'],
    [{ ...ready, port: 0 }, 'message.port: must be ≥ 1, got 0'],
    [{ ...ready, origin: 'http://127.0.0.1:40123/app' }, 'message.origin: must be an origin'],
    [{ ...ready, origin: 'http://127.0.0.1:5000' }, 'message.origin: names another port than 40123'],
    [{ ...ready, tokens: { operator: 'op' } }, 'message.tokens.viewer: is required'],
    [{ type: 'bridge-failed' }, 'message.reason: is required'],
  ])('refuses %j', (value, error) => {
    expect(() => parseBridgeMessage(value)).toThrow(error);
  });
});
