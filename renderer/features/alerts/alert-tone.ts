/**
 * The alarm sound, synthesised with WebAudio (nothing to download, nothing
 * to ship): short sine beeps with soft edges so they carry across a room
 * without clicking. An escalation plays more, higher beeps than a new
 * severe alert, so the two are told apart without looking.
 */
import type { AlarmReason } from './alert-alarm';

export interface ToneBeep {
  frequencyHz: number;
  /** Start after the tone begins, seconds. */
  startS: number;
  durationS: number;
}

/** Fade in and out of each beep, seconds: long enough to avoid clicks, short enough to stay crisp. */
const EDGE_S = 0.015;

/** The beeps of the alarm for `reason`. */
export function toneBeeps(reason: AlarmReason): ToneBeep[] {
  const pattern =
    reason === 'escalated'
      ? [988, 1319, 988, 1319, 988, 1319]
      : [880, 1175, 880];
  const beepS = reason === 'escalated' ? 0.12 : 0.16;
  const gapS = 0.06;
  return pattern.map((frequencyHz, i) => ({ frequencyHz, startS: i * (beepS + gapS), durationS: beepS }));
}

/** The subset of AudioContext the tone needs; a test passes a recorder. */
export type ToneContext = Pick<BaseAudioContext, 'currentTime' | 'destination' | 'createOscillator' | 'createGain'>;

/**
 * Plays the alarm for `reason` at `volume` (0–1, of full scale). Browsers
 * keep a page's audio suspended until the user interacts with it; the
 * caller resumes the context and decides what to do if it cannot.
 */
export function playAlarmTone(context: ToneContext, reason: AlarmReason, volume: number): void {
  if (!(volume > 0)) return;
  const gain = context.createGain();
  gain.gain.value = 0;
  gain.connect(context.destination);
  const t0 = context.currentTime;
  for (const beep of toneBeeps(reason)) {
    const start = t0 + beep.startS;
    const end = start + beep.durationS;
    const oscillator = context.createOscillator();
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(beep.frequencyHz, start);
    oscillator.connect(gain);
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(volume, start + EDGE_S);
    gain.gain.setValueAtTime(volume, end - EDGE_S);
    gain.gain.linearRampToValueAtTime(0, end);
    oscillator.start(start);
    oscillator.stop(end);
  }
}
