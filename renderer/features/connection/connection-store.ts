/**
 * The connection to the bridge, as Vue sees it: adapts `BridgeClient`'s
 * snapshots to refs, and ticks a clock each second so ages, countdowns and
 * the bridge clock count on screen between messages.
 */
import type { WelcomeMessage } from '@protocol';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { BridgeClient, type BridgeClientOptions, type BridgeStatus, OFFLINE_STATUS } from './bridge-client';

export type WelcomeListener = (welcome: WelcomeMessage) => void;

export const useConnectionStore = defineStore('connection', () => {
  /** The client's latest snapshot; every other field derives from it. */
  const status = shallowRef<BridgeStatus>(OFFLINE_STATUS);
  /** Client clock, in epoch ms, advanced each second while connected. */
  const nowMs = ref(Date.now());

  let client: BridgeClient | null = null;
  let unsubscribe: (() => void) | null = null;
  let tickTimer: ReturnType<typeof setTimeout> | undefined;
  const welcomeListeners = new Set<WelcomeListener>();

  const state = computed(() => status.value.state);
  const role = computed(() => status.value.welcome?.role ?? null);
  const city = computed(() => status.value.welcome?.city ?? null);
  const source = computed(() => status.value.welcome?.source ?? null);
  /** When the bridge sent the latest welcome, in epoch ms (bridge clock): the time `city` was confirmed. */
  const welcomedAt = computed(() => status.value.welcome?.serverTime ?? null);
  const lastMessageAt = computed(() => status.value.lastMessageAt);
  /** Time since the last frame, in ms; null before the first. */
  const ageOfLastMessageMs = computed(() =>
    lastMessageAt.value === null ? null : Math.max(0, nowMs.value - lastMessageAt.value),
  );
  const rttMs = computed(() => status.value.rttMs);
  const attempt = computed(() => status.value.attempt);
  /** Time until the next reconnect attempt, in ms; null unless reconnecting. */
  const retryInMs = computed(() =>
    status.value.nextRetryAt === null ? null : Math.max(0, status.value.nextRetryAt - nowMs.value),
  );
  const refusedCode = computed(() => status.value.refusedCode);
  const refusedReason = computed(() => status.value.refusedReason);
  const serverTimeOffsetMs = computed(() => status.value.serverTimeOffsetMs);
  /** The bridge's clock now, in epoch ms; null until the first welcome. */
  const bridgeNowMs = computed(() =>
    serverTimeOffsetMs.value === null ? null : nowMs.value + serverTimeOffsetMs.value,
  );
  const clients = computed(() => status.value.clients);
  /** When the bridge counted `clients`, in epoch ms (bridge clock). */
  const clientsAt = computed(() => status.value.clientsAt);
  const invalidMessages = computed(() => status.value.invalidMessages);

  /** Connects to the bridge, replacing any earlier connection. */
  function connect(options: BridgeClientOptions): void {
    disconnect();
    client = new BridgeClient(options);
    unsubscribe = client.subscribe(adopt);
    client.start();
    tick();
  }

  /** Closes the connection and stops the clock. */
  function disconnect(): void {
    unsubscribe?.();
    client?.stop();
    if (client) status.value = client.current;
    client = unsubscribe = null;
    clearTimeout(tickTimer);
  }

  /**
   * Marks the connection refused for a problem found before connecting, such
   * as a malformed token in the URL: shown like the bridge's refusals, never retried.
   */
  function refuse(reason: string): void {
    disconnect();
    status.value = Object.freeze({ ...status.value, state: 'refused', refusedCode: null, refusedReason: reason });
  }

  /**
   * Calls `listener` with the current welcome, if there is one, and with each
   * later one (every reconnect brings one, possibly for a new city version).
   * Returns the function that removes the listener.
   */
  function onWelcome(listener: WelcomeListener): () => void {
    welcomeListeners.add(listener);
    if (status.value.welcome) listener(status.value.welcome);
    return () => welcomeListeners.delete(listener);
  }

  function adopt(next: BridgeStatus): void {
    const previous = status.value;
    status.value = next;
    if (next.welcome === null || next.welcome === previous.welcome) return;
    // A welcome sets the clock offset; realign the ticks with the bridge's seconds now.
    clearTimeout(tickTimer);
    tick();
    for (const listener of welcomeListeners) {
      try {
        listener(next.welcome);
      } catch (error) {
        console.error('welcome listener failed', error);
      }
    }
  }

  function tick(): void {
    nowMs.value = Date.now();
    // Wake right after the bridge clock's next whole second, so the clock on
    // screen turns over on time instead of up to a second late.
    const bridgeMs = nowMs.value + (serverTimeOffsetMs.value ?? 0);
    const intoSecondMs = ((bridgeMs % 1000) + 1000) % 1000;
    tickTimer = setTimeout(tick, 1000 - intoSecondMs);
  }

  return {
    status,
    nowMs,
    state,
    role,
    city,
    source,
    welcomedAt,
    lastMessageAt,
    ageOfLastMessageMs,
    rttMs,
    attempt,
    retryInMs,
    refusedCode,
    refusedReason,
    serverTimeOffsetMs,
    bridgeNowMs,
    clients,
    clientsAt,
    invalidMessages,
    connect,
    disconnect,
    refuse,
    onWelcome,
  };
});
