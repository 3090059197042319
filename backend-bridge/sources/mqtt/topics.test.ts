import { describe, expect, it } from 'vitest';
import { TopicLayout } from './topics';

const layout = new TopicLayout('citybrain', 'hz');

describe('the MQTT topic layout', () => {
  it('routes each documented topic to its kind and entity id', () => {
    expect(layout.route('citybrain/hz/detector/L-12')).toEqual({ kind: 'detector', id: 'L-12', channel: 'citybrain/hz/detector/+' });
    expect(layout.route('citybrain/hz/signal/n7/state')).toMatchObject({ kind: 'signal-state', id: 'n7' });
    expect(layout.route('citybrain/hz/signal/n7/plan')).toMatchObject({ kind: 'signal-plan', id: 'n7' });
    expect(layout.route('citybrain/hz/signal/n7/ack')).toMatchObject({ kind: 'signal-ack', id: 'n7' });
    expect(layout.route('citybrain/hz/device/cam-3/status')).toMatchObject({ kind: 'device-status', id: 'cam-3' });
    expect(layout.route('citybrain/hz/alert/cap')).toEqual({ kind: 'alert-cap', id: '', channel: 'citybrain/hz/alert/cap' });
    expect(layout.route('citybrain/hz/alert/json')).toMatchObject({ kind: 'alert-json' });
  });

  it('finds nothing for topics of another city, the command topic, extra levels or empty ids', () => {
    for (const topic of ['citybrain/sh/detector/l1', 'citybrain/hz/signal/n7/cmd', 'citybrain/hz/detector/l1/x', 'citybrain/hz/detector/', 'citybrain/hz']) {
      expect(layout.route(topic)).toBeNull();
    }
  });

  it('subscribes every kind plainly, and shares only the alert topics within a group', () => {
    expect(layout.subscriptions(null).map((s) => s.filter)).toEqual([
      'citybrain/hz/detector/+',
      'citybrain/hz/signal/+/state',
      'citybrain/hz/signal/+/plan',
      'citybrain/hz/signal/+/ack',
      'citybrain/hz/device/+/status',
      'citybrain/hz/alert/json',
      'citybrain/hz/alert/cap',
    ]);
    const shared = layout.subscriptions('bridges').filter((s) => s.filter.startsWith('$share/'));
    expect(shared.map((s) => [s.filter, s.channel])).toEqual([
      ['$share/bridges/citybrain/hz/alert/json', 'citybrain/hz/alert/json'],
      ['$share/bridges/citybrain/hz/alert/cap', 'citybrain/hz/alert/cap'],
    ]);
  });

  it('names the command topic of a node', () => {
    expect(layout.commandTopic('n7')).toBe('citybrain/hz/signal/n7/cmd');
  });
});
