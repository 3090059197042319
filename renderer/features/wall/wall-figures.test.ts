import type { Alert, AlertStatus, CapSeverity, SignalActivityMessage } from '@protocol';
import { DEFAULT_WALL_SOUND } from '@protocol/wall-layout';
import { describe, expect, it } from 'vitest';
import { openBySeverity } from '../alerts/alert-filters';
import { fitAlertList, severityBreakdown, signalModeCounts, wallAlertList } from './wall-figures';
import { wallSoundSettings } from './wall-sound';

const alert = (id: string, sentAtMs: number, patch: { status?: AlertStatus; severity?: CapSeverity; escalatedAtMs?: number } = {}): Alert =>
  ({ id, sentAtMs, status: patch.status ?? 'new', severity: patch.severity ?? 'Severe', ...(patch.escalatedAtMs !== undefined && { escalatedAtMs: patch.escalatedAtMs }) }) as Alert;

describe('wallAlertList', () => {
  const alerts = [
    alert('a', 1000),
    alert('b', 5000),
    alert('closed', 9000, { status: 'resolved' }),
    alert('c', 3000, { status: 'acknowledged' }),
    alert('old-escalated', 500, { escalatedAtMs: 2000 }),
    alert('d', 4000, { status: 'dispatched' }),
  ];

  it('lists the newest open alerts up to the cap, escalated ones first, and counts the rest', () => {
    const list = wallAlertList(alerts, 3);
    expect(list.shown.map((a) => a.id)).toEqual(['old-escalated', 'b', 'd']);
    expect(list).toMatchObject({ more: 2, open: 5 });
  });

  it('lists rows and "more" that add up to every open alert, whatever the cap', () => {
    for (const cap of [0, 1, 5, 8, 50]) {
      const list = wallAlertList(alerts, cap);
      expect(list.shown.length + list.more).toBe(list.open);
      expect(list.shown.length).toBeLessThanOrEqual(cap);
    }
    expect(wallAlertList(alerts, 50).more).toBe(0);
  });

  it('keeps the sum when the panel fits fewer rows than the cap', () => {
    const fitted = fitAlertList(wallAlertList(alerts, 4), 2);
    expect(fitted.shown.map((a) => a.id)).toEqual(['old-escalated', 'b']);
    expect(fitted.shown.length + fitted.more).toBe(5);
  });

  it('draws no more rows than the cap however many alerts are open (regression: a soak rendered every open alert and its heap grew 11 %)', () => {
    const many = Array.from({ length: 5000 }, (_, i) => alert(`s${i}`, i));
    const list = wallAlertList(many, 8);
    expect(list.shown).toHaveLength(8);
    expect(list.shown[0]!.id).toBe('s4999');
    expect(list.more).toBe(4992);
  });
});

describe('severityBreakdown', () => {
  it('names every severity with open alerts, so the parts add up to the tile (regression: a tile said 3 and listed Extreme, Severe and Moderate without the Minor one)', () => {
    const open = [alert('1', 1, { severity: 'Severe' }), alert('2', 2, { severity: 'Minor' }), alert('3', 3, { severity: 'Severe' }), alert('4', 4, { severity: 'Unknown' })];
    const parts = severityBreakdown(openBySeverity([...open, alert('5', 5, { severity: 'Extreme', status: 'resolved' })]));
    expect(parts).toEqual([
      { severity: 'Severe', count: 2 },
      { severity: 'Minor', count: 1 },
      { severity: 'Unknown', count: 1 },
    ]);
    expect(parts.reduce((sum, part) => sum + part.count, 0)).toBe(open.length);
  });

  it('is empty when nothing is open', () => {
    expect(severityBreakdown({ Extreme: 0, Severe: 0, Moderate: 0, Minor: 0, Unknown: 0 })).toEqual([]);
  });
});

describe('signalModeCounts', () => {
  const activity = (patch: Partial<SignalActivityMessage>): SignalActivityMessage => ({
    type: 'signal-activity',
    daySimStartMs: 0,
    operatorChangesToday: 0,
    adaptiveChangesToday: 0,
    adaptiveIntersections: 5,
    fixedIntersections: 7,
    ...patch,
  });

  it('tells max-pressure lights from adaptive ones, the three adding up to every signalized intersection (regression: "Adaptive" counted max-pressure too)', () => {
    const counts = signalModeCounts(activity({ maxPressureIntersections: 2 }));
    expect(counts).toEqual({ fixed: 7, adaptive: 3, maxpressure: 2 });
    expect(counts.fixed + counts.adaptive + counts.maxpressure).toBe(12);
  });

  it('reads a report without the max-pressure count as none', () => {
    expect(signalModeCounts(activity({}))).toEqual({ fixed: 7, adaptive: 5, maxpressure: 0 });
  });
});

describe('wallSoundSettings', () => {
  it('plays at the layout volume, muted when the layout switches the sound off', () => {
    expect(wallSoundSettings({ enabled: true, volumePct: 35 })).toEqual({ muted: false, volume: 0.35 });
    expect(wallSoundSettings({ enabled: false, volumePct: 80 })).toEqual({ muted: true, volume: 0.8 });
  });

  it('uses the documented default before the layout has loaded', () => {
    expect(wallSoundSettings(undefined)).toEqual({ muted: !DEFAULT_WALL_SOUND.enabled, volume: DEFAULT_WALL_SOUND.volumePct / 100 });
  });
});
