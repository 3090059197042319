/**
 * Answers the store's alarms on one screen: plays the tone with that
 * screen's sound settings and flashes for a while (the caller puts the
 * flash on its panel frame). Use it once per view, so one alarm sounds once.
 */
import { type Ref, onBeforeUnmount, ref, watch } from 'vue';
import type { AlarmReason } from './alert-alarm';
import type { SoundScreen, SoundSettings } from './alert-sound-settings';
import { useAlertSoundStore } from './alert-sound-store';
import { useAlertsStore } from './alerts-store';

/** How long the panel frame flashes after an alarm, ms. */
export const FLASH_MS = 6000;

/**
 * The reason of the alarm flashing now, or null. `soundOf`, when given,
 * says how the alarm sounds instead of the screen's remembered settings
 * (the wall's sound is set in its layout file).
 */
export function useAlertAlarm(screen: SoundScreen, soundOf?: () => SoundSettings): Ref<AlarmReason | null> {
  const alerts = useAlertsStore();
  const sound = useAlertSoundStore();
  const flashing = ref<AlarmReason | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  watch(
    () => alerts.alarm,
    (alarm) => {
      if (!alarm) return;
      flashing.value = alarm.reason;
      clearTimeout(timer);
      timer = setTimeout(() => (flashing.value = null), FLASH_MS);
      void sound.play(screen, alarm.reason, soundOf?.());
    },
  );
  onBeforeUnmount(() => clearTimeout(timer));
  return flashing;
}
