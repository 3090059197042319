/**
 * The signal panel's intersection: watched through the bridge (one node per
 * session, watched again after every reconnect), its plan history, live
 * status and plan changes folded in by the pure functions of signal-view.ts,
 * the measured effect of a version, and the operator's commands.
 */
import { type SignalEffectMessage, type SignalMode, type SignalPlan, mayCommand } from '@protocol';
import { approachBearingsDeg } from '@protocol/signal-rules';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { useCityStore } from '../city/city-store';
import { useConnectionStore } from '../connection/connection-store';
import { type CommandProblem, toCommandProblem } from '../connection/command-problem';
import { CommandError } from '../connection/pending-commands';
import { type NodeSides, exitBearingsDeg } from './movement-labels';
import type { NodeGeometry } from './plan-draft';
import {
  type SignalView,
  applySignalHistory,
  applySignalPlanChanged,
  applySignalStatus,
  emptySignalView,
  newestVersion,
} from './signal-view';

/** A request the bridge (or the link to it) refused: which, why (its error code) and its own words. */
export interface SignalProblem extends CommandProblem {
  action: 'watch' | 'apply' | 'rollback' | 'mode' | 'effect';
}

export type SignalCommandAction = 'apply' | 'rollback' | 'mode';

export const useSignalStore = defineStore('signals', () => {
  const connection = useConnectionStore();
  const city = useCityStore();

  /** The watched node; null while no panel is open. */
  const view = shallowRef<SignalView | null>(null);
  const effect = shallowRef<SignalEffectMessage | null>(null);
  /** The command in flight; one at a time, as the panel offers. */
  const pending = ref<SignalCommandAction | null>(null);
  const problem = ref<SignalProblem | null>(null);

  const nodeId = computed(() => view.value?.nodeId ?? null);
  const status = computed(() => view.value?.status ?? null);
  const history = computed(() => view.value?.history ?? []);
  const mode = computed(() => view.value?.mode ?? null);
  const newest = computed(() => (view.value ? newestVersion(view.value) : 0));
  /** Operators and admins may change plans and modes; viewers see the panel read-only (the bridge refuses them anyway). */
  const canControl = computed(() => mayCommand(connection.role));
  /** Every movement through the node, as its history listed them; null where the bridge did not list them. */
  const movements = computed(() => view.value?.movements ?? null);
  // Apart from the status, which changes every second: these scan the whole city's links.
  const bearings = computed(() => (city.meta && nodeId.value !== null ? approachBearingsDeg(city.meta, nodeId.value) : null));
  const exitBearings = computed(() => (city.meta && nodeId.value !== null ? exitBearingsDeg(city.meta, nodeId.value) : null));
  /**
   * What the plan rules check a draft against, and how its movements are
   * labelled; null until the city is loaded. Without a movement list the
   * movement rules are left to the bridge.
   */
  const geometry = computed<(NodeGeometry & NodeSides) | null>(() => {
    if (!bearings.value || !exitBearings.value) return null;
    return {
      movements: movements.value,
      movementsById: new Map(movements.value?.map((m) => [m.id, m])),
      bearings: bearings.value,
      exitBearings: exitBearings.value,
    };
  });

  connection.onMessage('signal-history', (message) => {
    if (!view.value) return;
    view.value = applySignalHistory(view.value, message);
  });
  connection.onMessage('signal-status', (message) => {
    if (view.value) view.value = applySignalStatus(view.value, message, performance.now());
  });
  connection.onMessage('signal-plan-changed', (message) => {
    if (view.value) view.value = applySignalPlanChanged(view.value, message);
  });
  // The bridge forgets a session's watch with its socket.
  connection.onWelcome(() => {
    if (view.value) void requestWatch(view.value.nodeId);
  });

  /** Starts watching `id`, replacing any node watched before. */
  function watchNode(id: string): void {
    if (view.value?.nodeId === id) return;
    view.value = emptySignalView(id);
    effect.value = null;
    problem.value = null;
    void requestWatch(id);
  }

  /** Stops watching (the panel closed). */
  function unwatch(): void {
    if (!view.value) return;
    view.value = null;
    effect.value = null;
    connection.request({ type: 'unwatch-signal' }).catch(() => {
      // Nothing to undo: a lost connection forgets the watch anyway.
    });
  }

  async function requestWatch(id: string): Promise<void> {
    try {
      await connection.request({ type: 'watch-signal', nodeId: id });
      if (problem.value?.action === 'watch') problem.value = null;
    } catch (error) {
      if (view.value?.nodeId === id) problem.value = problemOf('watch', error);
    }
  }

  /** Sends `plan` as the node's next version; resolves true once the bridge accepted it. */
  function apply(plan: SignalPlan, reason: string): Promise<boolean> {
    const next = { ...plan, version: newest.value + 1 };
    return command('apply', () => connection.sendCommand({ type: 'apply-signal-plan', plan: next, reason }));
  }

  /** Brings back an earlier version's timing as the next version. */
  function rollback(toVersion: number, reason: string): Promise<boolean> {
    const id = nodeId.value;
    if (id === null) return Promise.resolve(false);
    return command('rollback', () => connection.sendCommand({ type: 'rollback-signal-plan', nodeId: id, toVersion, reason }));
  }

  /** Switches adaptive control on or off for this intersection or its whole district. */
  function setMode(scope: 'intersection' | 'district', scopeId: string, next: SignalMode, reason: string): Promise<boolean> {
    return command('mode', () => connection.sendCommand({ type: 'set-signal-mode', scope, scopeId, mode: next, reason }));
  }

  /** Asks for the measured effect of `version`, over windows of `windowS` sim seconds before and after. */
  async function loadEffect(version: number, windowS: number): Promise<void> {
    const id = nodeId.value;
    if (id === null) return;
    try {
      const reply = await connection.request({ type: 'get-signal-effect', nodeId: id, version, windowS });
      if (reply.type !== 'signal-effect') throw new CommandError('malformed', `expected signal-effect, got ${reply.type}`);
      if (nodeId.value === id) effect.value = reply;
      if (problem.value?.action === 'effect') problem.value = null;
    } catch (error) {
      problem.value = problemOf('effect', error);
    }
  }

  async function command(action: SignalCommandAction, send: () => Promise<void>): Promise<boolean> {
    problem.value = null;
    pending.value = action;
    try {
      await send();
      return true;
    } catch (error) {
      problem.value = problemOf(action, error);
      return false;
    } finally {
      pending.value = null;
    }
  }

  /** Hides the last problem. */
  function dismissProblem(): void {
    problem.value = null;
  }

  return {
    view,
    effect,
    pending,
    problem,
    nodeId,
    status,
    history,
    mode,
    newest,
    canControl,
    geometry,
    watchNode,
    unwatch,
    apply,
    rollback,
    setMode,
    loadEffect,
    dismissProblem,
  };
});

function problemOf(action: SignalProblem['action'], error: unknown): SignalProblem {
  return { action, ...toCommandProblem(error) };
}
