import { describe, expect, it } from 'vitest';
import { WallFocus } from './wall-focus';

describe('WallFocus', () => {
  it('holds a push for its hold time and then forgets it', () => {
    const focus = new WallFocus(60);
    const message = focus.push({ target: { level: 'district', id: 'd1' }, holdS: 30, fromLabel: 'console@1' }, 1000);
    expect(message).toEqual({ type: 'wall-focus', target: { level: 'district', id: 'd1' }, holdUntilMs: 31_000, fromLabel: 'console@1', atMs: 1000 });
    expect(focus.current(30_999)).toBe(message);
    expect(focus.current(31_000)).toBeNull();
  });

  it('holds for the default hold when the push names none', () => {
    const focus = new WallFocus(60);
    expect(focus.push({ target: { alertId: 'a1' }, fromLabel: 'x' }, 0).holdUntilMs).toBe(60_000);
  });

  it('lets a later push replace the one holding', () => {
    const focus = new WallFocus(60);
    focus.push({ target: { level: 'district', id: 'd1' }, fromLabel: 'x' }, 0);
    const second = focus.push({ target: { level: 'intersection', id: 'n9' }, holdS: 5, fromLabel: 'y' }, 1000);
    expect(focus.current(2000)).toBe(second);
  });
});
