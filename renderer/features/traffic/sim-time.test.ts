import { describe, expect, it } from 'vitest';
import { formatSimTime } from './sim-time';

// 00:30 UTC is 08:30 in Shanghai, which keeps no daylight saving time.
const EPOCH_MS = Date.UTC(2030, 0, 1, 0, 30, 5);

describe('formatSimTime', () => {
  it("shows sim time in the city's zone, not the machine's", () => {
    expect(formatSimTime(EPOCH_MS, 'en', 'Asia/Shanghai')).toEqual({
      time: '08:30:05',
      date: 'Tue, Jan 1, 2030',
      zone: 'GMT+8',
      hourMinute: '08:30',
    });
  });

  it('words the date for Chinese', () => {
    const text = formatSimTime(EPOCH_MS, 'zh-CN', 'Asia/Shanghai');
    expect(text.time).toBe('08:30:05');
    expect(text.date).toContain('2030年1月1日');
  });

  it('moves to the next day at midnight in the city, while it is still the day before in UTC', () => {
    expect(formatSimTime(Date.UTC(2030, 0, 1, 16, 0, 0), 'en', 'Asia/Shanghai').date).toBe('Wed, Jan 2, 2030');
  });

  it("follows the city's zone when the city names another", () => {
    expect(formatSimTime(EPOCH_MS, 'en', 'Europe/Berlin').time).toBe('01:30:05');
  });
});
