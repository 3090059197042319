/**
 * The demo's security and safety alerts: per district, following a daily
 * rhythm in sim time (fights and noise at night, crowds at the rush hours),
 * with a share near a few hot spots. Seeded: the same seed and the same
 * sequence of sim times give the same alerts.
 */
import { zonedHourOfDay } from '../../../common/time/zoned-time';
import type { CityModel } from '../../city/city-model';
import { Prng, checkSeed } from '../../city/prng';
import type { AlertDraft } from '../lifecycle';
import { demoCaller } from './callers';
import { DEMO_KINDS, type DemoKind, type DemoKindSpec, SEVERITY_ORDER } from './catalog';
import { DemoPlaces } from './places';

export interface DemoAlertOptions {
  /** Seed of every random choice; unsigned 32-bit integer. */
  seed: number;
  /** Alerts per sim hour over the whole city, on the day's average; 0 for none. */
  ratePerHour: number;
}

/** Largest rate accepted, alerts per sim hour. */
export const MAX_DEMO_ALERTS_PER_HOUR = 1_000_000;
/**
 * Sim time past this between two calls is skipped, not caught up, ms: a
 * paused or stalled sim should not release a burst of alerts.
 */
const MAX_STEP_MS = 10 * 60_000;
/** Above this expected count per step a Poisson draw is approximated by a normal one. */
const POISSON_EXACT_UP_TO = 30;

export class DemoAlertGenerator {
  private readonly rng: Prng;
  private readonly places: DemoPlaces;
  /** The city's IANA zone: the daily rhythm follows its clock. */
  private readonly timeZone: string;
  private lastSimTimeMs: number | null = null;

  constructor(city: CityModel, private readonly options: DemoAlertOptions) {
    checkSeed(options.seed);
    if (!(options.ratePerHour >= 0 && options.ratePerHour <= MAX_DEMO_ALERTS_PER_HOUR)) {
      throw new RangeError(`demo alert rate must be 0–${MAX_DEMO_ALERTS_PER_HOUR} per sim hour, got ${options.ratePerHour}`);
    }
    this.timeZone = city.meta.timeZone;
    this.rng = new Prng(options.seed, 'demo-alerts');
    this.places = new DemoPlaces(city.meta, new Prng(options.seed, 'demo-alert-hot-spots'));
  }

  /**
   * The alerts of the sim time since the previous call, oldest first. The
   * first call only sets where time starts; time running backwards starts over.
   */
  advance(simTimeMs: number): AlertDraft[] {
    const fromMs = this.lastSimTimeMs;
    this.lastSimTimeMs = simTimeMs;
    if (fromMs === null || simTimeMs <= fromMs || this.options.ratePerHour === 0) return [];
    const startMs = Math.max(fromMs, simTimeMs - MAX_STEP_MS);
    const stepH = (simTimeMs - startMs) / 3_600_000;
    const hour = Math.floor(zonedHourOfDay((startMs + simTimeMs) / 2, this.timeZone));
    const drafts: AlertDraft[] = [];
    for (const [kind, spec] of DEMO_KINDS) {
      const count = this.poisson(this.options.ratePerHour * spec.share * spec.hourly[hour]! * stepH);
      for (let i = 0; i < count; i++) drafts.push(this.draft(kind, spec, this.rng.float(startMs, simTimeMs)));
    }
    return drafts.sort((a, b) => a.simTimeMs - b.simTimeMs);
  }

  private draft(kind: DemoKind, spec: DemoKindSpec, simTimeMs: number): AlertDraft {
    const rng = this.rng;
    const place = this.places.pick(spec.device, rng.chance(spec.hotSpotShare), rng);
    const severity = rng.weighted(SEVERITY_ORDER.map((level, i) => [level, spec.severityWeights[i]!] as const));
    return {
      kind,
      source: 'demo',
      category: spec.category,
      urgency: spec.urgency,
      severity,
      certainty: spec.certainty,
      ...spec.text(place.name),
      area: { shape: 'point', xM: Math.round(place.xM), yM: Math.round(place.yM) },
      districtId: place.districtId,
      ...(place.deviceId !== undefined && { deviceId: place.deviceId }),
      simTimeMs: Math.round(simTimeMs),
      classification: spec.classification,
      ...(spec.caller && { sensitive: demoCaller(rng) }),
      linkedAlertIds: [],
    };
  }

  /** A Poisson-distributed count with the given mean. */
  private poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > POISSON_EXACT_UP_TO) return Math.max(0, Math.round(this.rng.normalish(mean, Math.sqrt(mean))));
    // Knuth: multiply uniforms until the product drops below e^-mean.
    const limit = Math.exp(-mean);
    let count = 0;
    for (let product = this.rng.next(); product > limit; product *= this.rng.next()) count++;
    return count;
  }
}
