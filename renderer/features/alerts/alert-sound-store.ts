/**
 * The alarm sound: settings per screen kind, remembered per browser, and
 * the one AudioContext the page plays through, created on first use.
 */
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { AlarmReason } from './alert-alarm';
import { SOUND_STORAGE_KEY, type SoundScreen, type SoundSettings, type SoundSettingsByScreen, checkVolume, parseSoundSettings } from './alert-sound-settings';
import { playAlarmTone } from './alert-tone';

/** How long to wait for a suspended AudioContext to resume, ms. */
const RESUME_WAIT_MS = 300;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function storage(): Storage | null {
  return typeof localStorage === 'undefined' ? null : localStorage;
}

export const useAlertSoundStore = defineStore('alertSound', () => {
  const settings = ref<SoundSettingsByScreen>(
    parseSoundSettings(storage()?.getItem(SOUND_STORAGE_KEY) ?? null, (message) => console.warn(message)),
  );
  /** Why the last alarm could not be heard (no audio device, autoplay blocked…); null when it played. */
  const playbackProblem = ref<string | null>(null);
  watch(settings, (value) => storage()?.setItem(SOUND_STORAGE_KEY, JSON.stringify(value)), { deep: true });

  let context: AudioContext | null = null;

  function toggleMuted(screen: SoundScreen): void {
    settings.value[screen].muted = !settings.value[screen].muted;
  }

  /** Sets the loudness (0–1, clamped) for `screen`. */
  function setVolume(screen: SoundScreen, volume: number): void {
    settings.value[screen].volume = checkVolume(volume);
  }

  /**
   * Plays the alarm for `reason` with `screen`'s settings, unless muted;
   * `given` settings take their place (the wall's come from its layout file).
   */
  async function play(screen: SoundScreen, reason: AlarmReason, given?: SoundSettings): Promise<void> {
    const { muted, volume } = given ?? settings.value[screen];
    if (muted || typeof AudioContext === 'undefined') return;
    try {
      context ??= new AudioContext();
      // A page nobody has touched starts suspended (autoplay policy), and resuming it
      // then neither succeeds nor fails: wait briefly, never for ever.
      if (context.state === 'suspended') await Promise.race([context.resume(), delay(RESUME_WAIT_MS)]);
      if (context.state !== 'running') throw new Error('the browser keeps audio off until someone interacts with the page');
      playAlarmTone(context, reason, volume);
      playbackProblem.value = null;
    } catch (error) {
      playbackProblem.value = error instanceof Error ? error.message : String(error);
    }
  }

  return { settings, playbackProblem, toggleMuted, setVolume, play };
});
