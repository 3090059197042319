/**
 * The live source's status as the bridge last reported it (`source-status`),
 * summarised against the connection's ticking clock so the age of the last
 * message and a playing replay's position count on between pushes; and the
 * replay controls an operator has: seek, speed and pause.
 */
import type { SourceStatusMessage } from '@protocol';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { useConnectionStore } from '../connection/connection-store';
import { summariseSource } from './source-summary';

export const useSourceStore = defineStore('source', () => {
  const connection = useConnectionStore();
  const status = shallowRef<SourceStatusMessage | null>(null);
  /** Client clock when `status` arrived, epoch ms. */
  const receivedAtMs = ref(0);

  connection.onMessage('source-status', (message) => {
    status.value = message;
    receivedAtMs.value = Date.now();
  });
  connection.onWelcome(() => {
    // A new session may have another source; its status follows the welcome.
    status.value = null;
  });

  const summary = computed(() => summariseSource(status.value, connection.nowMs - receivedAtMs.value));

  /** Jumps a replay to `simTimeMs` (operator). Rejects with the bridge's reason when refused. */
  function seek(simTimeMs: number): Promise<void> {
    return connection.sendCommand({ type: 'seek-replay', simTimeMs: Math.round(simTimeMs) });
  }

  /** Sets a replay's speed, 1–60× (operator); the same command as the simulator's clock. */
  function setSpeed(speedFactor: number): Promise<void> {
    return connection.sendCommand({ type: 'set-sim-clock', speedFactor });
  }

  function setPaused(paused: boolean): Promise<void> {
    return connection.sendCommand({ type: 'set-sim-clock', paused });
  }

  return { status, receivedAtMs, summary, seek, setSpeed, setPaused };
});
