import { describe, expect, it } from 'vitest';
import { CITY_TIME_ZONE, formatSimTime } from './sim-time';

// 00:30 UTC is 08:30 in Shanghai, which keeps no daylight saving time.
const EPOCH_MS = Date.UTC(2030, 0, 1, 0, 30, 5);

describe('formatSimTime', () => {
  it("shows sim time in the city's zone, not the machine's", () => {
    expect(CITY_TIME_ZONE).toBe('Asia/Shanghai');
    expect(formatSimTime(EPOCH_MS, 'en')).toEqual({
      time: '08:30:05',
      date: 'Tue, Jan 1, 2030',
      zone: 'GMT+8',
      hourMinute: '08:30',
    });
  });

  it('words the date for Chinese', () => {
    const text = formatSimTime(EPOCH_MS, 'zh-CN');
    expect(text.time).toBe('08:30:05');
    expect(text.date).toContain('2030年1月1日');
  });

  it('moves to the next day at midnight in the city, while it is still the day before in UTC', () => {
    expect(formatSimTime(Date.UTC(2030, 0, 1, 16, 0, 0), 'en').date).toBe('Wed, Jan 2, 2030');
  });
});
