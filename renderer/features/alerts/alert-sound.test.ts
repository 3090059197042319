import { describe, expect, it, vi } from 'vitest';
import { checkVolume, defaultSoundSettings, parseSoundSettings } from './alert-sound-settings';
import { type ToneContext, playAlarmTone, toneBeeps } from './alert-tone';

describe('sound settings', () => {
  it('reads stored settings per screen kind', () => {
    const settings = parseSoundSettings(JSON.stringify({ console: { muted: true, volume: 0.2 }, wall: { muted: false, volume: 1 } }));
    expect(settings).toEqual({ console: { muted: true, volume: 0.2 }, wall: { muted: false, volume: 1 } });
  });

  it('keeps the defaults for malformed entries and says which field was wrong', () => {
    const warn = vi.fn();
    const settings = parseSoundSettings(JSON.stringify({ wall: { muted: 'yes', volume: 3 } }), warn);
    expect(settings).toEqual(defaultSoundSettings());
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      expect.stringContaining('wall.muted'),
      expect.stringContaining('wall.volume: expected a number from 0 to 1, got 3'),
    ]);
    expect(parseSoundSettings('{not json', warn)).toEqual(defaultSoundSettings());
  });

  it('clamps a volume into 0–1 and refuses what is not a number', () => {
    expect(checkVolume(1.4)).toBe(1);
    expect(checkVolume(-1)).toBe(0);
    expect(() => checkVolume(Number.NaN)).toThrow(/expected a number from 0 to 1/);
  });
});

describe('alarm tone', () => {
  it('plays more beeps for an escalation than for a new severe alert', () => {
    expect(toneBeeps('escalated').length).toBeGreaterThan(toneBeeps('severe').length);
  });

  it('never overlaps its beeps', () => {
    const beeps = toneBeeps('escalated');
    for (let i = 1; i < beeps.length; i++) expect(beeps[i]!.startS).toBeGreaterThan(beeps[i - 1]!.startS + beeps[i - 1]!.durationS);
  });

  function recordingContext() {
    const ramps: number[] = [];
    const oscillators: { start: number; stop: number }[] = [];
    const param = () => ({ value: 0, setValueAtTime: vi.fn(), linearRampToValueAtTime: (value: number) => ramps.push(value) });
    const context = {
      currentTime: 10,
      destination: {},
      createGain: () => ({ gain: param(), connect: vi.fn() }),
      createOscillator: () => {
        const oscillator = { type: '', frequency: param(), connect: vi.fn(), start: (at: number) => oscillators.push({ start: at, stop: 0 }), stop: (at: number) => (oscillators.at(-1)!.stop = at) };
        return oscillator;
      },
    } as unknown as ToneContext;
    return { context, ramps, oscillators };
  }

  it('schedules each beep from the context clock and ramps to the volume asked for', () => {
    const { context, ramps, oscillators } = recordingContext();
    playAlarmTone(context, 'severe', 0.4);
    expect(oscillators).toHaveLength(toneBeeps('severe').length);
    expect(oscillators[0]!.start).toBe(10);
    expect(Math.max(...ramps)).toBe(0.4);
  });

  it('plays nothing at volume zero', () => {
    const { context, oscillators } = recordingContext();
    playAlarmTone(context, 'severe', 0);
    expect(oscillators).toEqual([]);
  });
});
