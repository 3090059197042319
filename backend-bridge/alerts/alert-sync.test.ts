import { describe, expect, it } from 'vitest';
import { planAlertSync } from './alert-sync';

const stream = { streamId: 's1', headSeq: 500, prunedThroughSeq: 100 };

describe('planAlertSync', () => {
  it('replays the events after the client’s last one when it resumes this stream', () => {
    expect(planAlertSync({ alerts: 420, alertStream: 's1' }, stream)).toEqual({ kind: 'replay', afterSeq: 420 });
    expect(planAlertSync({ alerts: 500 }, stream)).toEqual({ kind: 'replay', afterSeq: 500 });
    expect(planAlertSync({ alerts: 100, alertStream: 's1' }, stream)).toEqual({ kind: 'replay', afterSeq: 100 });
  });

  it('sends a snapshot to a fresh client, one from another stream, one ahead of the stream, and one behind what is kept', () => {
    expect(planAlertSync(undefined, stream)).toMatchObject({ kind: 'snapshot', reason: 'fresh client' });
    expect(planAlertSync({}, stream)).toMatchObject({ kind: 'snapshot' });
    expect(planAlertSync({ alerts: 420, alertStream: 's0' }, stream)).toMatchObject({ kind: 'snapshot', reason: 'client resumes stream s0, this is s1' });
    expect(planAlertSync({ alerts: 501, alertStream: 's1' }, stream)).toMatchObject({ kind: 'snapshot' });
    expect(planAlertSync({ alerts: 99, alertStream: 's1' }, stream)).toMatchObject({ kind: 'snapshot', reason: 'events up to 100 were pruned' });
  });

  it('sends a snapshot instead of a replay longer than the limit', () => {
    expect(planAlertSync({ alerts: 200 }, stream, 300)).toEqual({ kind: 'replay', afterSeq: 200 });
    expect(planAlertSync({ alerts: 199 }, stream, 300)).toMatchObject({ kind: 'snapshot', reason: '301 events behind' });
  });
});
