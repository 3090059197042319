/**
 * Today's signal work as the bridge reports it (`signal-activity`, on connect
 * and about every 10 s): plan changes, adaptive vs fixed intersections, and
 * the measured effect. Read by the cockpit and the wall's signal panel.
 */
import type { SignalActivityMessage } from '@protocol';
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { useConnectionStore } from '../connection/connection-store';

export const useSignalActivityStore = defineStore('signal-activity', () => {
  const connection = useConnectionStore();
  /** The latest report; null until the first arrives. */
  const activity = shallowRef<SignalActivityMessage | null>(null);
  /** When it arrived, client clock ms: the time the figures hold for. */
  const receivedAtMs = shallowRef<number | null>(null);

  connection.onMessage('signal-activity', (message) => {
    activity.value = message;
    receivedAtMs.value = Date.now();
  });

  return { activity, receivedAtMs };
});
