/**
 * The connection's state in words, in the UI language, shared by the header
 * pill and the refusal banner so both say the same thing.
 */
import { CloseCode } from '@protocol';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useFreshnessStore } from '../freshness/freshness-store';
import { useConnectionStore } from './connection-store';

const REFUSAL_CAUSES = {
  [CloseCode.badHandshake]: 'connection.refusalCause.badHandshake',
  [CloseCode.invalidToken]: 'connection.refusalCause.invalidToken',
  [CloseCode.protocolMismatch]: 'connection.refusalCause.protocolMismatch',
} as const;

export function useConnectionText() {
  const connection = useConnectionStore();
  const freshness = useFreshnessStore();
  const { t, n, d } = useI18n();

  /** Why the connection was refused: the cause in the UI language, then the reason as given. */
  const refusal = computed(() => {
    const reason = connection.refusedReason ?? '';
    const code = connection.refusedCode;
    const cause = code !== null && Object.hasOwn(REFUSAL_CAUSES, code) ? REFUSAL_CAUSES[code as keyof typeof REFUSAL_CAUSES] : null;
    return cause ? t('connection.refusedBecause', { cause: t(cause), reason }) : t('connection.refused', { reason });
  });

  /**
   * One line for the header pill, e.g. "live · RTT 3 ms", or once a bridge
   * that was there went away, "lost since 23:40:12 · reconnecting · try 3 in 4 sec".
   */
  const label = computed(() => {
    const loss = freshness.linkLost;
    const state = stateLabel.value;
    return loss && connection.state !== 'stale' ? `${t('freshness.connection.lostSince', { time: d(loss.sinceMs, 'clock') })} · ${state}` : state;
  });

  const stateLabel = computed(() => {
    switch (connection.state) {
      case 'offline':
        return t('connection.offline');
      case 'connecting':
        return connection.attempt > 0
          ? t('connection.connectingAttempt', { attempt: connection.attempt })
          : t('connection.connecting');
      case 'live':
        return connection.rttMs === null
          ? t('connection.live')
          : t('connection.liveRtt', { rtt: n(Math.round(connection.rttMs), 'milliseconds') });
      case 'stale':
        return t('connection.stale', { age: n(Math.floor((connection.ageOfLastMessageMs ?? 0) / 1000), 'seconds') });
      case 'reconnecting':
        return t('connection.reconnecting', {
          attempt: connection.attempt,
          wait: n(Math.ceil((connection.retryInMs ?? 0) / 1000), 'seconds'),
        });
      case 'refused':
        return refusal.value;
    }
  });

  return { label, refusal };
}
