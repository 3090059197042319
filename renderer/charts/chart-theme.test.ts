import { describe, expect, it } from 'vitest';
import { readChartTheme } from './chart-theme';

const tokens: Record<string, string> = {
  '--color-text': ' #e4f0fd',
  '--color-text-muted': '#93abc8',
  '--color-border': '#173658',
  '--color-surface-raised': '#0d2039',
  '--series-1': '#111111',
  '--series-2': '#222222',
  '--series-3': '#333333',
  '--series-4': '#444444',
};

function style(overrides: Record<string, string> = {}, fontSize = '56.16px') {
  const all = { ...tokens, ...overrides };
  return { getPropertyValue: (name: string) => all[name] ?? '', fontSize, fontFamily: '"Noto Sans SC"' };
}

describe('readChartTheme', () => {
  it('takes colours from the theme tokens and the size from the element', () => {
    expect(readChartTheme(style())).toEqual({
      textColor: '#e4f0fd',
      mutedColor: '#93abc8',
      lineColor: '#173658',
      surfaceColor: '#0d2039',
      seriesColors: ['#111111', '#222222', '#333333', '#444444'],
      fontFamily: '"Noto Sans SC"',
      fontPx: 56.16,
    });
  });

  it('names a token the stylesheet forgot', () => {
    expect(() => readChartTheme(style({ '--series-3': '' }))).toThrow('chart theme: CSS custom property --series-3 is not set');
  });

  it('rejects a font size it cannot use', () => {
    expect(() => readChartTheme(style({}, ''))).toThrow('chart theme: font-size "" is not a positive length');
  });
});
