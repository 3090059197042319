import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, QUERY_TYPES, parseClientMessage, parseServerMessage } from './messages';
import { PROTOCOL_VERSION } from './version';

describe('parseClientMessage', () => {
  it('accepts a complete hello', () => {
    const result = parseClientMessage(JSON.stringify({ type: 'hello', protocol: 1, token: 't', resume: { alerts: 5 }, client: 'console/0.1' }));
    expect(result).toEqual({ ok: true, value: { type: 'hello', protocol: 1, token: 't', resume: { alerts: 5 }, client: 'console/0.1' } });
  });

  it('says when the text is not JSON or not an object', () => {
    expect(parseClientMessage('{')).toMatchObject({ ok: false, code: 'malformed', error: 'client message is not valid JSON' });
    expect(parseClientMessage('[1,2]')).toMatchObject({ ok: false, code: 'malformed', error: 'client message must be a JSON object, got an array of 2' });
  });

  it('names an unknown type and lists the known ones, keeping the request id', () => {
    const result = parseClientMessage('{"type":"reboot","id":"r1"}');
    expect(result).toMatchObject({ ok: false, code: 'unknown-type', requestId: 'r1' });
    const error = result.ok ? '' : result.error;
    expect(error).toMatch(/^unknown message type "reboot"; expected one of hello, ping, set-sim-clock, create-incident, alert-action, /);
    for (const type of [...COMMAND_TYPES, ...QUERY_TYPES]) expect(error).toContain(type);
  });

  it('does not treat inherited object keys as message types', () => {
    expect(parseClientMessage('{"type":"constructor"}')).toMatchObject({ ok: false, code: 'unknown-type' });
    expect(parseClientMessage('{"type":"__proto__"}')).toMatchObject({ ok: false, code: 'unknown-type' });
  });

  it('names the path and the reason of an invalid field', () => {
    expect(parseClientMessage('{"type":"hello","protocol":1.5}')).toMatchObject({ ok: false, code: 'invalid', error: 'hello.protocol: expected an integer, got 1.5' });
    expect(parseClientMessage('{"type":"hello"}')).toMatchObject({ error: 'hello.protocol: is required' });
    expect(parseClientMessage('{"type":"hello","protocol":1,"tokn":"x"}')).toMatchObject({ error: 'hello.tokn: unknown field' });
    expect(parseClientMessage('{"type":"hello","protocol":1,"resume":{"alerts":-1}}')).toMatchObject({ error: 'hello.resume.alerts: must be ≥ 0, got -1' });
  });
});

describe('parseServerMessage', () => {
  it('accepts a welcome for this protocol version and refuses one for another', () => {
    const welcome = {
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      role: 'operator',
      city: { id: 'c', name: { zh: '城', en: 'City' }, version: 'abc' },
      source: 'simulator',
      serverTime: 1,
      heartbeatIntervalMs: 5000,
      sessionId: 's',
    };
    expect(parseServerMessage(JSON.stringify(welcome)).ok).toBe(true);
    expect(parseServerMessage(JSON.stringify({ ...welcome, protocol: 2 }))).toMatchObject({ ok: false, error: 'welcome.protocol: expected 1, got 2' });
    expect(parseServerMessage(JSON.stringify({ ...welcome, role: 'root' }))).toMatchObject({ ok: false, error: 'welcome.role: expected one of viewer, operator, admin, got "root"' });
  });
});
