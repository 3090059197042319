import { describe, expect, it } from 'vitest';
import type { DetailFigures, DetailMessage } from '../protocol';
import { type DetailTarget, DetailSubscriptions } from './detail-subscriptions';
import { detailFigures } from './detail-figures';
import { drillInputs } from './drill-city.fixture';

class FakeSession {
  readonly received: DetailMessage[] = [];
  sendText(text: string): boolean {
    this.received.push(JSON.parse(text) as DetailMessage);
    return true;
  }
}

function counting() {
  const computed: DetailTarget[] = [];
  const inputs = drillInputs();
  const figures = (target: DetailTarget): DetailFigures => {
    computed.push(target);
    return detailFigures(inputs, target.level, target.entityId);
  };
  return { computed, figures };
}

const failOnError = (_target: DetailTarget, error: unknown) => {
  throw error;
};

describe('DetailSubscriptions', () => {
  it('sends each session the detail of the entity it follows, and nothing to a session without a subscription', () => {
    const subscriptions = new DetailSubscriptions<FakeSession>();
    const districtWatcher = new FakeSession();
    const intersectionWatcher = new FakeSession();
    subscriptions.subscribe(districtWatcher, { level: 'district', entityId: 'north' });
    subscriptions.subscribe(intersectionWatcher, { level: 'intersection', entityId: 'b' });
    const { figures } = counting();
    subscriptions.push(42, figures, failOnError);
    expect(districtWatcher.received.map((m) => m.figures.level)).toEqual(['district']);
    expect(intersectionWatcher.received.map((m) => m.figures.level)).toEqual(['intersection']);
    expect(districtWatcher.received[0]).toMatchObject({ type: 'detail', simTimeMs: 42 });
    expect(districtWatcher.received[0]!.requestId).toBeUndefined();
  });

  it('computes each distinct entity once per push, however many sessions follow it', () => {
    const subscriptions = new DetailSubscriptions<FakeSession>();
    const sessions = Array.from({ length: 4 }, () => new FakeSession());
    subscriptions.subscribe(sessions[0]!, { level: 'district', entityId: 'north' });
    subscriptions.subscribe(sessions[1]!, { level: 'district', entityId: 'north' });
    subscriptions.subscribe(sessions[2]!, { level: 'city', entityId: 'whatever' });
    subscriptions.subscribe(sessions[3]!, { level: 'city' });
    const { computed, figures } = counting();
    subscriptions.push(1, figures, failOnError);
    expect(computed).toEqual([{ level: 'district', entityId: 'north' }, { level: 'city' }]);
    expect(sessions.map((s) => s.received.length)).toEqual([1, 1, 1, 1]);
    expect(sessions[0]!.received[0]).toEqual(sessions[1]!.received[0]);
  });

  it('replaces a subscription, and sends nothing after unsubscribing', () => {
    const subscriptions = new DetailSubscriptions<FakeSession>();
    const session = new FakeSession();
    subscriptions.subscribe(session, { level: 'district', entityId: 'north' });
    subscriptions.subscribe(session, { level: 'link', entityId: 'ab' });
    subscriptions.push(1, counting().figures, failOnError);
    expect(session.received.map((m) => m.figures.level)).toEqual(['link']);
    subscriptions.unsubscribe(session);
    subscriptions.push(2, counting().figures, failOnError);
    expect(session.received).toHaveLength(1);
    expect(subscriptions.size).toBe(0);
  });

  it('skips only the entity whose figures fail, reporting it', () => {
    const subscriptions = new DetailSubscriptions<FakeSession>();
    const broken = new FakeSession();
    const fine = new FakeSession();
    subscriptions.subscribe(broken, { level: 'device', entityId: 'cam-b' });
    subscriptions.subscribe(fine, { level: 'city' });
    const failures: DetailTarget[] = [];
    const { figures } = counting();
    subscriptions.push(
      1,
      (target) => {
        if (target.level === 'device') throw new Error('boom');
        return figures(target);
      },
      (target) => failures.push(target),
    );
    expect(broken.received).toEqual([]);
    expect(fine.received).toHaveLength(1);
    expect(failures).toEqual([{ level: 'device', entityId: 'cam-b' }]);
  });

  it('counts subscriptions per level', () => {
    const subscriptions = new DetailSubscriptions<FakeSession>();
    subscriptions.subscribe(new FakeSession(), { level: 'district', entityId: 'north' });
    subscriptions.subscribe(new FakeSession(), { level: 'district', entityId: 'south' });
    subscriptions.subscribe(new FakeSession(), { level: 'device', entityId: 'cam-b' });
    expect(subscriptions.countsByLevel()).toEqual({ city: 0, district: 2, intersection: 0, link: 0, device: 1 });
  });
});
