/**
 * Live traffic as the UI sees it: the latest frame decoded by the traffic
 * worker (typed arrays only, never per-link objects), the citywide summary
 * and its history, the sim clock, incidents, the stream's health, and the
 * operator's sim-clock commands.
 *
 * Frames arrive several times a second; at most one is in the worker at a
 * time and only the newest waiting one is kept, so a slow machine shows
 * fewer frames rather than older ones.
 */
import { type IncidentsMessage, type SimClockMessage, type TrafficSummaryMessage, mayCommand } from '@protocol';
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef, watch } from 'vue';
import { useCityStore } from '../city/city-store';
import { useConnectionStore } from '../connection/connection-store';
import { type CommandProblem, toCommandProblem } from '../connection/command-problem';
import { type ProcessedTrafficFrame, type TrafficGeometry, cityTrafficModel } from './traffic-frame-processor';
import { type TrafficHistoryPoint, appendSummary, historyFromMessage } from './traffic-history';
import { type TrafficDecoder, startTrafficWorker } from './traffic-worker-client';
import type { TrafficWorkerReply } from './traffic-worker-protocol';

/** Sim speeds the time bar offers, sim seconds per wall second. */
export const SIM_SPEEDS = [1, 10, 60] as const;
export type SimSpeed = (typeof SIM_SPEEDS)[number];

export const useTrafficStore = defineStore('traffic', () => {
  const connection = useConnectionStore();
  const city = useCityStore();

  /** Road and heat geometry for the loaded city; null until the worker has built it. */
  const geometry = shallowRef<TrafficGeometry | null>(null);
  /** The latest decoded frame; null until one arrives for the loaded city. */
  const frame = shallowRef<ProcessedTrafficFrame | null>(null);
  /** When the latest frame was decoded, epoch ms (client clock). */
  const lastFrameAt = ref<number | null>(null);
  /** Why the latest frame could not be used; null once one is decoded again. */
  const frameError = ref<string | null>(null);
  const summary = shallowRef<TrafficSummaryMessage | null>(null);
  const history = shallowRef<readonly TrafficHistoryPoint[]>([]);
  const simClock = shallowRef<SimClockMessage | null>(null);
  const incidents = shallowRef<IncidentsMessage['items']>([]);
  /** Traffic frames the bridge skipped for this client on the current connection, because its link was too slow. */
  const droppedTrafficFrames = ref(0);
  /** The newest sim time heard from any message, ms since the epoch; null before the first. */
  const simTimeMs = ref<number | null>(null);
  const commandPending = ref(false);
  /** The last sim-clock command that failed, and why. */
  const commandProblem = ref<CommandProblem | null>(null);

  const paused = computed(() => simClock.value?.paused ?? false);
  const speedFactor = computed(() => simClock.value?.speedFactor ?? null);
  /** Operators and admins may change the sim clock; viewers only watch it. */
  const canControlClock = computed(() => mayCommand(connection.role));

  let decoder: TrafficDecoder | null = null;
  /** City version the worker holds (or is building); frames are decoded for it only. */
  let workerCityVersion: string | null = null;
  let frameInWorker = false;
  let waitingFrame: { buffer: ArrayBuffer; receivedAtMs: number } | null = null;

  // The bridge counts skipped frames per connection. Subscribed first, so
  // that the status retained from this connection is applied after it.
  connection.onWelcome(() => {
    droppedTrafficFrames.value = 0;
  });
  connection.onMessage('stream-status', (message) => {
    droppedTrafficFrames.value = message.droppedTrafficFrames;
  });
  connection.onBinary((buffer) => {
    waitingFrame = { buffer, receivedAtMs: performance.now() };
    pump();
  });
  connection.onMessage('traffic-summary', (message) => {
    summary.value = message;
    history.value = appendSummary(history.value, message);
    simTimeMs.value = message.simTimeMs;
  });
  connection.onMessage('traffic-history', (message) => {
    history.value = historyFromMessage(message);
  });
  connection.onMessage('sim-clock', (message) => {
    simClock.value = message;
    simTimeMs.value = message.simTimeMs;
  });
  connection.onMessage('incidents', (message) => {
    incidents.value = message.items;
  });

  watch(
    () => [city.status, city.version, city.meta, city.linkShapes] as const,
    ([status, version, meta, linkShapes]) => {
      if (status !== 'ready' || !version || !meta || !linkShapes || version === workerCityVersion) return;
      geometry.value = null;
      frame.value = null;
      workerCityVersion = version;
      decoderInstance().setCity(version, cityTrafficModel(meta, linkShapes));
      pump();
    },
    { immediate: true },
  );

  function decoderInstance(): TrafficDecoder {
    decoder ??= startTrafficWorker(receive, (message) => {
      frameError.value = message;
    });
    return decoder;
  }

  /** Sends the newest waiting frame once the worker has a city and is free. */
  function pump(): void {
    if (!decoder || workerCityVersion === null || frameInWorker || !waitingFrame) return;
    const { buffer, receivedAtMs } = waitingFrame;
    waitingFrame = null;
    frameInWorker = true;
    decoder.decode(workerCityVersion, buffer, receivedAtMs);
  }

  function receive(reply: TrafficWorkerReply): void {
    if (reply.type === 'frame' || (reply.type === 'error' && reply.request === 'frame')) {
      frameInWorker = false;
      pump();
    }
    if (reply.cityVersion !== workerCityVersion) return;
    switch (reply.type) {
      case 'geometry':
        geometry.value = markRaw(reply.geometry);
        return;
      case 'frame':
        frame.value = markRaw(reply.frame);
        lastFrameAt.value = Date.now();
        frameError.value = null;
        simTimeMs.value = reply.frame.simTimeMs;
        return;
      case 'error':
        frameError.value = reply.message;
        return;
    }
  }

  async function setSimClock(change: { speedFactor?: SimSpeed; paused?: boolean }): Promise<void> {
    commandProblem.value = null;
    commandPending.value = true;
    try {
      await connection.sendCommand({ type: 'set-sim-clock', ...change });
    } catch (error) {
      commandProblem.value = toCommandProblem(error);
    } finally {
      commandPending.value = false;
    }
  }

  /** Asks the bridge to run the sim at `speed`× real time. Failures land in `commandProblem`. */
  function setSpeed(speed: SimSpeed): Promise<void> {
    return setSimClock({ speedFactor: speed });
  }

  /** Asks the bridge to pause the sim. */
  function pause(): Promise<void> {
    return setSimClock({ paused: true });
  }

  /** Asks the bridge to resume the sim. */
  function resume(): Promise<void> {
    return setSimClock({ paused: false });
  }

  /** Hides the last command's failure. */
  function dismissCommandProblem(): void {
    commandProblem.value = null;
  }

  return {
    geometry,
    frame,
    lastFrameAt,
    frameError,
    summary,
    history,
    simClock,
    incidents,
    droppedTrafficFrames,
    simTimeMs,
    commandPending,
    commandProblem,
    paused,
    speedFactor,
    canControlClock,
    setSpeed,
    pause,
    resume,
    dismissCommandProblem,
  };
});
