/** The wall's alarm sound as the layout file sets it, in the terms the alarm player takes. */
import { DEFAULT_WALL_SOUND, type WallSound } from '@protocol/wall-layout';
import type { SoundSettings } from '../alerts/alert-sound-settings';

/** Sound settings from the layout's `sound` (its default before the layout has loaded). */
export function wallSoundSettings(sound: WallSound | undefined): SoundSettings {
  const { enabled, volumePct } = sound ?? DEFAULT_WALL_SOUND;
  return { muted: !enabled, volume: volumePct / 100 };
}
