/**
 * Connects the app's connection store to a FakeBridge and completes the
 * handshake, as store tests need before they exercise their own store.
 * Test double; never imported by the app.
 */
import type { Role } from '@protocol';
import { useConnectionStore } from './connection-store';
import { type FakeBridge, welcome } from './fake-bridge';

export interface FakeConnectionOptions {
  /** The role the welcome grants. @default 'operator' */
  role?: Role;
  /** @default 'console/test' */
  clientName?: string;
  /** The reconnect backoff's jitter source; the store's default when absent. */
  random?: () => number;
}

export function connectToFakeBridge(bridge: FakeBridge, options: FakeConnectionOptions = {}): ReturnType<typeof useConnectionStore> {
  const connection = useConnectionStore();
  connection.connect({
    url: 'ws://bridge.test/ws',
    clientName: options.clientName ?? 'console/test',
    openSocket: bridge.openSocket,
    ...(options.random && { random: options.random }),
    logger: { warn: () => {}, error: () => {} },
  });
  bridge.latest.open();
  bridge.latest.deliver(welcome({ role: options.role ?? 'operator' }));
  return connection;
}
