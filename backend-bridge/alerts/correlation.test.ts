import { describe, expect, it } from 'vitest';
import type { AlertKind } from '../protocol/alerts';
import { CORRELATION_DEFAULTS, type CorrelationSignal, findRiskCluster, signalsInWindow } from './correlation';

const MIN = 60_000;
const signal = (id: string, kind: AlertKind, xM: number, yM: number, minute: number): CorrelationSignal => ({ id, kind, xM, yM, simTimeMs: minute * MIN });

describe('findRiskCluster', () => {
  const call = signal('c', 'emergency-call', 0, 0, 0);
  const noise = signal('n', 'noise-complaint', 200, 0, 10);
  const fire = signal('f', 'fire-alarm', 0, 300, 20);

  it('finds a cluster when three kinds rise within 30 sim minutes and 600 m', () => {
    const cluster = findRiskCluster(fire, [call, noise, fire], []);
    expect(cluster?.contributors.map((s) => s.id)).toEqual(['c', 'n', 'f']);
    expect(cluster?.kinds).toEqual(['emergency-call', 'noise-complaint', 'fire-alarm']);
    expect(cluster?.centreM[0]).toBeCloseTo(200 / 3);
    expect(cluster?.centreM[1]).toBeCloseTo(100);
  });

  it('needs three distinct kinds: many of two kinds are not enough', () => {
    const calls = [1, 2, 3, 4].map((i) => signal(`c${i}`, 'emergency-call', i, 0, i));
    expect(findRiskCluster(noise, [...calls, noise], [])).toBeNull();
  });

  it('leaves out alerts outside the radius, older than the window, or of kinds that do not correlate', () => {
    expect(findRiskCluster(fire, [signal('c', 'emergency-call', 0, 0, -11), noise], [])).toBeNull();
    expect(findRiskCluster(fire, [signal('c', 'emergency-call', 900, 300, 5), noise], [])).toBeNull();
    expect(findRiskCluster(fire, [signal('i', 'intrusion', 0, 0, 5), noise], [])).toBeNull();
    expect(findRiskCluster(signal('t', 'traffic-accident', 0, 0, 20), [call, noise, fire], [])).toBeNull();
  });

  it('raises nothing for a cluster an open risk point already covers, by contributor or by place', () => {
    expect(findRiskCluster(fire, [call, noise], [{ xM: 5000, yM: 5000, linkedAlertIds: ['n'] }])).toBeNull();
    expect(findRiskCluster(fire, [call, noise], [{ xM: 100, yM: 100, linkedAlertIds: ['other'] }])).toBeNull();
    expect(findRiskCluster(fire, [call, noise], [{ xM: 5000, yM: 5000, linkedAlertIds: ['other'] }])).not.toBeNull();
  });

  it('links at most the newest 100 contributors of a large cluster, counting them all', () => {
    const many = Array.from({ length: 150 }, (_, i) => signal(`c${i}`, i % 2 ? 'emergency-call' : 'noise-complaint', 0, 0, 20 + i / 100));
    const cluster = findRiskCluster(signal('f', 'fire-alarm', 0, 0, 22), many, []);
    expect(cluster?.size).toBe(151);
    expect(cluster?.contributors).toHaveLength(100);
    expect(cluster?.contributors.at(0)?.id).toBe('c51');
    expect(cluster?.contributors.at(-1)?.id).toBe('f');
  });

  it('honours other options', () => {
    const options = { ...CORRELATION_DEFAULTS, minDistinctKinds: 2, radiusM: 100 };
    expect(findRiskCluster(noise, [signal('c', 'emergency-call', 150, 0, 5)], [], options)?.kinds).toEqual(['emergency-call', 'noise-complaint']);
  });
});

describe('signalsInWindow', () => {
  it('keeps the signals of the last window and drops ones from a later clock', () => {
    const signals = [signal('a', 'fight', 0, 0, 0), signal('b', 'fight', 0, 0, 40), signal('c', 'fight', 0, 0, 90)];
    expect(signalsInWindow(signals, 60 * MIN, 30 * MIN).map((s) => s.id)).toEqual(['b']);
  });
});
