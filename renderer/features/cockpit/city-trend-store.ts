/**
 * The city's hourly figures for today and yesterday (`get-city-trend`),
 * asked on every welcome and then each REFRESH_MS, which is a sim hour at
 * 60× speed and often enough for an hourly chart at 1×.
 */
import type { CityTrendMessage } from '@protocol';
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { useConnectionStore } from '../connection/connection-store';

/** How often the trend is asked again, wall ms. */
export const REFRESH_MS = 60_000;
/** Wait before asking again when the bridge had no figures yet (it just started), wall ms. */
const RETRY_MS = 5_000;

export const useCityTrendStore = defineStore('city-trend', () => {
  const connection = useConnectionStore();
  const trend = shallowRef<CityTrendMessage | null>(null);
  /** When the trend was received, client clock ms. */
  const receivedAtMs = ref<number | null>(null);
  const problem = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function refresh(): Promise<void> {
    clearTimeout(timer);
    let nextInMs = REFRESH_MS;
    try {
      const reply = await connection.request({ type: 'get-city-trend' });
      if (reply.type === 'city-trend') {
        trend.value = reply;
        receivedAtMs.value = Date.now();
        problem.value = null;
      }
    } catch (error) {
      problem.value = error instanceof Error ? error.message : String(error);
      nextInMs = RETRY_MS;
    }
    timer = setTimeout(() => void refresh(), nextInMs);
  }

  connection.onWelcome(() => void refresh());

  return { trend, receivedAtMs, problem, refresh };
});
