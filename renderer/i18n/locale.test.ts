import { describe, expect, it } from 'vitest';
import { chooseLocale, isLocale, localName, timeZoneLabel } from './locale';

describe('chooseLocale', () => {
  it('starts in Chinese where the system language is Chinese', () => {
    expect(chooseLocale(null, 'zh-CN')).toBe('zh-CN');
    expect(chooseLocale(null, 'zh')).toBe('zh-CN');
    expect(chooseLocale(null, 'zh-Hant-TW')).toBe('zh-CN');
  });

  it('starts in English anywhere else', () => {
    expect(chooseLocale(null, 'en-US')).toBe('en');
    expect(chooseLocale(null, 'de-DE')).toBe('en');
    expect(chooseLocale(null, '')).toBe('en');
  });

  it('prefers the language the user picked before', () => {
    expect(chooseLocale('en', 'zh-CN')).toBe('en');
    expect(chooseLocale('zh-CN', 'en-GB')).toBe('zh-CN');
  });

  it('ignores a stored value that is not a language we have', () => {
    expect(chooseLocale('fr', 'zh-CN')).toBe('zh-CN');
    expect(chooseLocale('zh', 'en-US')).toBe('en');
  });
});

describe('isLocale', () => {
  it('knows exactly the languages we ship', () => {
    expect(['zh-CN', 'en', 'zh', 'EN', null].map(isLocale)).toEqual([true, true, false, false, false]);
  });
});

describe('localName', () => {
  it('picks the name in the language shown', () => {
    const name = { zh: '滨江区', en: 'Binjiang' };
    expect(localName(name, 'zh-CN')).toBe('滨江区');
    expect(localName(name, 'en')).toBe('Binjiang');
  });
});

describe('timeZoneLabel', () => {
  it('names the zone by its offset, in either language', () => {
    expect(timeZoneLabel(0, 'en', 'Asia/Shanghai')).toBe('GMT+8');
    expect(timeZoneLabel(0, 'zh-CN', 'Asia/Shanghai')).toBe('GMT+8');
    expect(timeZoneLabel(0, 'en', 'UTC')).toBe('UTC');
  });
});
