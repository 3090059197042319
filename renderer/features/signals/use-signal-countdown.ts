/**
 * The watched signal's countdown, re-computed several times a second so the
 * figure and the diagram's cursor move smoothly between the ~1 Hz status
 * pushes, at the sim clock's pace from the traffic store.
 */
import { type ComputedRef, type InjectionKey, computed, inject, onBeforeUnmount, onMounted, provide, ref } from 'vue';
import { useTrafficStore } from '../traffic/traffic-store';
import { type CountdownState, countdownAt, simSpeedOf } from './signal-countdown';
import { useSignalStore } from './signal-store';

/** How often the countdown is recomputed, ms: smooth to the eye, cheap for the 2-core wall PCs. */
const FRAME_INTERVAL_MS = 100;

export function useSignalCountdown(): ComputedRef<CountdownState | null> {
  const signals = useSignalStore();
  const traffic = useTrafficStore();
  const nowMs = ref(performance.now());
  let timer: ReturnType<typeof setInterval> | undefined;

  onMounted(() => {
    timer = setInterval(() => {
      nowMs.value = performance.now();
    }, FRAME_INTERVAL_MS);
  });
  onBeforeUnmount(() => clearInterval(timer));

  return computed(() => {
    const view = signals.view;
    const status = view?.status;
    if (!status || view.statusReceivedAtMs === null) return null;
    return countdownAt(
      {
        plan: status.plan,
        ...(status.pending && { pending: status.pending }),
        simTimeMs: status.simTimeMs,
        state: { phaseIndex: status.phaseIndex, interval: status.interval, remainingS: status.remainingS },
        receivedAtMs: view.statusReceivedAtMs,
      },
      nowMs.value,
      { simSpeed: simSpeedOf(traffic.simClock) },
    );
  });
}

const COUNTDOWN_KEY: InjectionKey<ComputedRef<CountdownState | null>> = Symbol('signal-countdown');

/**
 * One countdown for the whole panel, shared with its parts: the header, the
 * plan table and the phase bar then change version in the same frame.
 */
export function provideSignalCountdown(): ComputedRef<CountdownState | null> {
  const countdown = useSignalCountdown();
  provide(COUNTDOWN_KEY, countdown);
  return countdown;
}

/** The panel's shared countdown; a part used on its own runs one of its own. */
export function injectSignalCountdown(): ComputedRef<CountdownState | null> {
  return inject(COUNTDOWN_KEY, null) ?? useSignalCountdown();
}
