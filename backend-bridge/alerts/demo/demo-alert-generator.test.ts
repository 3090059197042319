import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../city/demo-city';
import { alertSchema } from '../../protocol/alerts';
import { parseAt } from '../../protocol/validation';
import { zonedHourOfDay } from '../../../common/time/zoned-time';
import { CORRELATION_DEFAULTS, findRiskCluster } from '../correlation';
import { DEMO_KINDS } from './catalog';
import { DemoAlertGenerator } from './demo-alert-generator';

const city = generateDemoCity();
const MIDNIGHT_MS = Date.UTC(2024, 5, 2, 16); // 3 June 2024, 00:00 in the city (UTC+8)
const MINUTE_MS = 60_000;

/** Runs a generator over `hours` of sim time in steps of `stepMs`. */
function run(seed: number, ratePerHour: number, hours: number, stepMs = 15_000, startMs = MIDNIGHT_MS) {
  const generator = new DemoAlertGenerator(city, { seed, ratePerHour });
  const drafts = [];
  for (let t = startMs; t <= startMs + hours * 3_600_000; t += stepMs) drafts.push(...generator.advance(t));
  return drafts;
}

describe('DemoAlertGenerator', () => {
  it('gives the same alerts for the same seed and sim times, and others for another seed', () => {
    const a = run(7, 600, 2);
    expect(run(7, 600, 2)).toEqual(a);
    expect(run(8, 600, 2)).not.toEqual(a);
  });

  it('raises about the configured number per sim hour over a day, and none at rate 0', () => {
    expect(run(1, 0, 3)).toEqual([]);
    const day = run(1, 240, 24, 60_000);
    expect(day.length).toBeGreaterThan(240 * 24 * 0.9);
    expect(day.length).toBeLessThan(240 * 24 * 1.1);
  });

  it('makes alerts that pass the protocol checks, in cities districts, with callers on emergency calls', () => {
    const drafts = run(3, 2000, 1);
    const districts = new Set(city.meta.districts.map((d) => d.id));
    for (const draft of drafts) {
      parseAt(alertSchema, { ...draft, id: 'x', seq: 1, status: 'new', sentAtMs: 1, history: [] }, 'draft');
      expect(districts.has(draft.districtId)).toBe(true);
    }
    const calls = drafts.filter((d) => d.kind === 'emergency-call');
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.classification).toBe('sensitive');
      expect(call.sensitive?.callerPhone).toMatch(/^1[35789]\d{9}$/);
    }
    expect(new Set(drafts.map((d) => d.kind))).toEqual(new Set(DEMO_KINDS.keys()));
  });

  it('follows the daily rhythm: more noise complaints around midnight than at 10:00', () => {
    const drafts = run(5, 3000, 24, 60_000);
    const noiseAt = (hour: number) => drafts.filter((d) => d.kind === 'noise-complaint' && Math.floor(zonedHourOfDay(d.simTimeMs, city.meta.timeZone)) === hour).length;
    expect(noiseAt(23)).toBeGreaterThan(3 * noiseAt(10));
  });

  it('clusters enough near hot spots for correlation to find a risk point within a few sim hours at the default rate', () => {
    const drafts = run(11, 60, 6, 15_000, MIDNIGHT_MS + 18 * 3_600_000);
    const signals = drafts.map((d, i) => ({ id: String(i), kind: d.kind, xM: d.area.shape === 'point' ? d.area.xM : 0, yM: d.area.shape === 'point' ? d.area.yM : 0, simTimeMs: d.simTimeMs }));
    const found = signals.some((signal, i) => findRiskCluster(signal, signals.slice(0, i), [], CORRELATION_DEFAULTS));
    expect(found).toBe(true);
  });

  it('skips a long stretch of sim time instead of releasing a burst', () => {
    const generator = new DemoAlertGenerator(city, { seed: 2, ratePerHour: 600 });
    generator.advance(MIDNIGHT_MS);
    const afterDay = generator.advance(MIDNIGHT_MS + 24 * 3_600_000);
    expect(afterDay.length).toBeLessThan(600 / 6 * 3);
    expect(afterDay.every((d) => d.simTimeMs >= MIDNIGHT_MS + 24 * 3_600_000 - 10 * MINUTE_MS)).toBe(true);
  });

  it('rejects a negative rate', () => {
    expect(() => new DemoAlertGenerator(city, { seed: 1, ratePerHour: -1 })).toThrow('demo alert rate must be 0–1000000 per sim hour, got -1');
  });
});
