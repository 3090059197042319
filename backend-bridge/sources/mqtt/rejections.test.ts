import { describe, expect, it } from 'vitest';
import type { Logger } from '../../core/log';
import { Rejections } from './rejections';

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (line: string) => lines.push(line);
  return { lines, debug: write, info: write, warn: write, error: write };
}

describe('refused payloads', () => {
  it('are counted per channel with the latest reason', () => {
    const rejections = new Rejections(recordingLog(), 1000, () => 0);
    rejections.add('a/+', 'first');
    rejections.add('a/+', 'second');
    rejections.add('b', 'other');
    expect(rejections.list()).toEqual([
      { channel: 'a/+', count: 2, lastReason: 'second' },
      { channel: 'b', count: 1, lastReason: 'other' },
    ]);
    expect(rejections.revision).toBe(3);
  });

  it('are logged at most once per channel per interval, with the number held back', () => {
    let nowMs = 0;
    const log = recordingLog();
    const rejections = new Rejections(log, 1000, () => nowMs);
    for (let i = 0; i < 500; i++) rejections.add('flood', `junk ${i}`);
    expect(log.lines).toEqual(['refused a payload on flood: junk 0']);
    nowMs = 1000;
    rejections.add('flood', 'junk 500');
    expect(log.lines[1]).toBe('refused a payload on flood: junk 500 (500 refused on this channel since the last report)');
  });

  it('keep a long reason short, since publishers choose the topics it quotes', () => {
    const rejections = new Rejections(recordingLog(), 1000, () => 0);
    rejections.add('c', `topic/${'x'.repeat(5000)}: no such link`);
    expect(rejections.list()[0]!.lastReason).toHaveLength(300);
    expect(rejections.list()[0]!.lastReason.endsWith('…')).toBe(true);
  });
});
