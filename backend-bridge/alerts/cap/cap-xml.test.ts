import { describe, expect, it } from 'vitest';
import { capInfo, capXml } from './cap.fixture';
import { CAP_NAMESPACE, parseCap } from './cap-xml';

const errorOf = (xml: string) => {
  try {
    parseCap(xml);
  } catch (error) {
    return { element: (error as { element: string }).element, reason: (error as { reason: string }).reason };
  }
  throw new Error('parseCap accepted it');
};

describe('parseCap', () => {
  it('reads a CAP 1.2 alert with its infos, parameters and areas', () => {
    const cap = parseCap(capXml({ extra: '<parameter><valueName>callerName</valueName><value>张三</value></parameter>' }));
    expect(cap).toMatchObject({ identifier: 'LJ-2024-0001', sender: 'ops@linjiang.example', status: 'Actual', msgType: 'Alert', scope: 'Public' });
    expect(cap.infos[0]).toMatchObject({
      language: 'en-US',
      categories: ['Fire'],
      urgency: 'Immediate',
      headline: 'Smoke in the tower',
      parameters: [{ valueName: 'callerName', value: '张三' }],
      areas: [{ areaDesc: 'Tower', circles: ['30.26,120.19 0.05'], polygons: [] }],
    });
  });

  it('accepts the namespace on a prefix and decodes the standard entities', () => {
    const xml = capXml({ infos: [capInfo({ headline: 'Smoke &amp; heat', area: '' })] })
      .replace(`<alert xmlns="${CAP_NAMESPACE}">`, `<cap:alert xmlns:cap="${CAP_NAMESPACE}">`)
      .replace('</alert>', '</cap:alert>')
      .replace(/<(\/?)(?!cap:|\?)(\w+)/g, '<$1cap:$2');
    expect(parseCap(xml).infos[0]?.headline).toBe('Smoke & heat');
  });

  it('names malformed XML with its line and column', () => {
    expect(errorOf('<alert><identifier>x</alert>')).toMatchObject({ element: 'xml', reason: expect.stringMatching(/^line 1, column \d+: /) });
  });

  it('refuses a DOCTYPE, another namespace, or another root', () => {
    expect(errorOf(`<!DOCTYPE a [<!ENTITY x "${'y'.repeat(10)}">]>${capXml()}`)).toMatchObject({ element: 'xml', reason: 'DOCTYPE and ENTITY declarations are not accepted' });
    expect(errorOf(capXml().replace('cap:1.2', 'cap:1.1'))).toEqual({
      element: 'alert',
      reason: `expected namespace ${CAP_NAMESPACE}, got "urn:oasis:names:tc:emergency:cap:1.1"`,
    });
    expect(errorOf(`<feed xmlns="${CAP_NAMESPACE}"/>`)).toMatchObject({ element: 'feed', reason: 'the root element must be <alert>' });
  });

  it('names a missing required element and a value outside its enumeration', () => {
    expect(errorOf(capXml().replace(/<sender>.*<\/sender>/, ''))).toEqual({ element: 'alert.sender', reason: 'is required' });
    expect(errorOf(capXml({ status: 'Maybe' }))).toMatchObject({ element: 'alert.status', reason: 'expected one of Actual, Exercise, System, Test, Draft, got "Maybe"' });
    expect(errorOf(capXml({ infos: [capInfo({ urgency: 'Now', area: '' })] }))).toMatchObject({ element: 'alert.info[0].urgency' });
    expect(errorOf(capXml({ infos: [capInfo({ category: 'Aliens', area: '' })] }))).toMatchObject({ element: 'alert.info[0].category[0]' });
    expect(errorOf(capXml({ area: '<area><circle>1,2 3</circle></area>' }))).toEqual({ element: 'alert.info[0].area[0].areaDesc', reason: 'is required' });
  });

  it('checks formats: sent needs a numeric offset, identifiers no spaces', () => {
    expect(errorOf(capXml({ sent: '2024-06-03T07:00:00Z' }))).toMatchObject({ element: 'alert.sent' });
    expect(errorOf(capXml({ identifier: 'two words' }))).toEqual({ element: 'alert.identifier', reason: 'must not contain spaces, commas, < or &' });
    expect(errorOf(capXml({ scope: 'Restricted' }))).toEqual({ element: 'alert.restriction', reason: 'is required when scope is Restricted' });
  });

  it('refuses an element given twice where CAP allows one', () => {
    expect(errorOf(capXml().replace('<status>Actual</status>', '<status>Actual</status><status>Test</status>'))).toEqual({
      element: 'alert.status',
      reason: 'expected at most one, got 2',
    });
  });
});
