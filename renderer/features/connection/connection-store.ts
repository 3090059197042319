/**
 * The connection to the bridge, as Vue sees it: adapts `BridgeClient`'s
 * snapshots to refs, and ticks a clock each second so ages, countdowns and
 * the bridge clock count on screen between messages. Other stores subscribe
 * to pushes and send commands through it; subscriptions outlive reconnects.
 */
import type { HelloMessage, ServerMessageType, WelcomeMessage } from '@protocol';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { BridgeClient, type BridgeClientOptions, type CommandRequest, type QueryRequest } from './bridge-client';
import { type BinaryHandler, BridgeListeners, type MessageHandler } from './bridge-listeners';
import { type BridgeStatus, OFFLINE_STATUS } from './bridge-status';
import { CommandError, type ReplyMessage } from './pending-commands';

export type WelcomeListener = (welcome: WelcomeMessage) => void;
/** Where to resume the bridge's streams, asked as each socket opens; undefined resumes nothing. */
export type ResumeProvider = () => HelloMessage['resume'];

/**
 * Pushes whose latest message is the whole state (sent on connect and on
 * change): a subscriber that comes later, like a store created when its view
 * first mounts, is handed the latest at once.
 */
export const RETAINED_PUSHES = ['sim-clock', 'incidents', 'traffic-history', 'stream-status', 'source-status', 'signal-activity', 'wall-focus'] as const satisfies readonly ServerMessageType[];

export const useConnectionStore = defineStore('connection', () => {
  /** The client's latest snapshot; every other field derives from it. */
  const status = shallowRef<BridgeStatus>(OFFLINE_STATUS);
  /** Client clock, in epoch ms, advanced each second while connected. */
  const nowMs = ref(Date.now());

  let client: BridgeClient | null = null;
  let unsubscribe: (() => void) | null = null;
  let tickTimer: ReturnType<typeof setTimeout> | undefined;
  const welcomeListeners = new Set<WelcomeListener>();
  /** Shared by every client this store creates, so subscriptions survive `connect()`. */
  const pushListeners = new BridgeListeners(console, RETAINED_PUSHES);
  let resumeProvider: ResumeProvider | null = null;

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
    // Another bridge may hold another state; what the last one said no longer holds.
    pushListeners.forget();
    client = new BridgeClient({ ...options, listeners: pushListeners, resume: () => resumeProvider?.() });
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

  /**
   * Calls `handler` with every valid message of `type` from the bridge, first
   * with the latest one if `type` is in RETAINED_PUSHES; returns the function that removes it.
   */
  function onMessage<T extends ServerMessageType>(type: T, handler: MessageHandler<T>): () => void {
    return pushListeners.onMessage(type, handler);
  }

  /** Calls `handler` with every valid binary frame from the bridge; returns the function that removes it. */
  function onBinary(handler: BinaryHandler): () => void {
    return pushListeners.onBinary(handler);
  }

  /** Sets what every later hello (each reconnect's) asks the bridge to resume; replaces the one before. */
  function setResumeProvider(provider: ResumeProvider): void {
    resumeProvider = provider;
  }

  /** Sends a command; settles with its one reply (see `BridgeClient.sendCommand`). */
  function sendCommand(command: CommandRequest): Promise<void> {
    if (!client) return Promise.reject(new CommandError('not-connected', 'not connected to the bridge'));
    return client.sendCommand(command);
  }

  /** Sends a read-only request; settles with its one reply (see `BridgeClient.request`). */
  function request(query: QueryRequest): Promise<ReplyMessage> {
    if (!client) return Promise.reject(new CommandError('not-connected', 'not connected to the bridge'));
    return client.request(query);
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
    onMessage,
    onBinary,
    setResumeProvider,
    sendCommand,
    request,
  };
});
