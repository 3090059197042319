/**
 * What the wall is told to show after a push: the latest push-to-wall, until
 * its hold ends. Kept so a wall screen that (re)connects during the hold
 * shows the same focus as its neighbours instead of its scene.
 */
import type { WallFocusMessage, WallTarget } from '../protocol';

export interface WallPush {
  target: WallTarget;
  /** How long the focus holds, seconds. @default the hold the WallFocus was built with */
  holdS?: number;
  /** The pushing session's label. */
  fromLabel: string;
}

export class WallFocus {
  private latest: WallFocusMessage | null = null;

  /** @param defaultHoldS hold of a push that names none, seconds (the layout's `pushHoldS`) */
  constructor(private readonly defaultHoldS: number) {}

  /** Records a push made at `nowMs` (wall clock) and returns the message every client is sent. */
  push(push: WallPush, nowMs: number): WallFocusMessage {
    const holdMs = (push.holdS ?? this.defaultHoldS) * 1000;
    this.latest = { type: 'wall-focus', target: push.target, holdUntilMs: nowMs + holdMs, fromLabel: push.fromLabel, atMs: nowMs };
    return this.latest;
  }

  /** The focus still holding at `nowMs`, or null once its hold ended. */
  current(nowMs: number): WallFocusMessage | null {
    if (this.latest && this.latest.holdUntilMs <= nowMs) this.latest = null;
    return this.latest;
  }
}
