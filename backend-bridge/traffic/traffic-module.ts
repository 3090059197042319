/**
 * Live traffic for clients: the latest frame, summary, clock, incidents and
 * recent city history, pushed as they change and sent whole to a client that
 * just connected, before any other module's catch-up.
 */
import type { BridgeModule, BridgeModuleContext } from '../core/bridge-module';
import { LiveState } from './live-state';

export function createTrafficModule(context: BridgeModuleContext): BridgeModule {
  const live = new LiveState(context.clients);
  return {
    name: 'traffic',
    events: live,
    onClientReady: (session) => live.sendSnapshot(session),
    health: () => ({ framesSent: live.framesSent, lastFrameBytes: live.lastFrameBytes, droppedFrames: context.clients.droppedTrafficFrames }),
  };
}
