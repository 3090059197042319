import { describe, expect, it } from 'vitest';
import { fallbackPageUrl } from './fallback-page';

const htmlOf = (url: string) => decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length));

describe('fallbackPageUrl', () => {
  it('is a self-contained data: page giving the reason and the retry interval in both languages', () => {
    const url = fallbackPageUrl('the page failed (crashed) 6 times within 10 min', 60_000);
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    const html = htmlOf(url);
    expect(html).toContain('the page failed (crashed) 6 times within 10 min');
    expect(html).toContain('每 60 秒自动重试');
    expect(html).toContain('Retrying by itself every 60 s');
  });

  it('allows no script to run and escapes the reason', () => {
    const html = htmlOf(fallbackPageUrl('<script>alert(1)</script>', 60_000));
    expect(html).toContain("default-src 'none'");
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
  });
});
