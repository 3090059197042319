/**
 * The alarm sound's settings per kind of screen: muted or not, and how loud.
 * The desk and the wall keep their own (a wall across the room needs more
 * than a console at arm's length), and both are remembered per browser.
 */

export const SOUND_SCREENS = ['console', 'wall'] as const;
export type SoundScreen = (typeof SOUND_SCREENS)[number];

export interface SoundSettings {
  muted: boolean;
  /** Loudness, 0–1 of full scale. */
  volume: number;
}

export type SoundSettingsByScreen = Record<SoundScreen, SoundSettings>;

/** localStorage key of the settings. */
export const SOUND_STORAGE_KEY = 'citybrain.alertSound';

export function defaultSoundSettings(): SoundSettingsByScreen {
  return { console: { muted: false, volume: 0.5 }, wall: { muted: false, volume: 0.8 } };
}

/** Clamps a volume into 0–1; throws naming the value when it is not a number at all. */
export function checkVolume(volume: number): number {
  if (!Number.isFinite(volume)) throw new RangeError(`alert sound volume: expected a number from 0 to 1, got ${volume}`);
  return Math.min(1, Math.max(0, volume));
}

/**
 * Reads stored settings, keeping the default for anything missing or
 * malformed (reported through `warn`, then rewritten on the next change).
 */
export function parseSoundSettings(text: string | null, warn: (message: string) => void = () => {}): SoundSettingsByScreen {
  const settings = defaultSoundSettings();
  if (!text) return settings;
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    warn(`localStorage ${SOUND_STORAGE_KEY}: not valid JSON; using the default sound settings`);
    return settings;
  }
  for (const screen of SOUND_SCREENS) {
    const entry = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>)[screen] : undefined;
    if (entry === undefined) continue;
    const { muted, volume } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof muted === 'boolean') settings[screen].muted = muted;
    else warn(`localStorage ${SOUND_STORAGE_KEY}.${screen}.muted: expected true or false, got ${JSON.stringify(muted)}`);
    if (typeof volume === 'number' && volume >= 0 && volume <= 1) settings[screen].volume = volume;
    else warn(`localStorage ${SOUND_STORAGE_KEY}.${screen}.volume: expected a number from 0 to 1, got ${JSON.stringify(volume)}`);
  }
  return settings;
}
