/**
 * Pairs this screen as a device once it is welcomed with a link (or
 * configured) token: the bridge answers with a long-lived device credential
 * that is kept in localStorage, so the screen survives reloads and bridge
 * restarts without its link. One pairing per page load (retried at the next
 * welcome when the request was lost on the way); a bridge that does not
 * pair (the desktop app's own tokens, an older bridge) leaves the page as is.
 */
import type { useConnectionStore } from '../connection/connection-store';
import { type CommandFailure, CommandError } from '../connection/pending-commands';
import { type CredentialStorage, type PageCredential, keepDeviceCredential } from '../connection/session-token';

export interface PairingOptions {
  /** What admins see, e.g. `Wall · Chrome`. */
  label: string;
  stores: CredentialStorage;
  /** The credential the connection uses now. */
  current: () => PageCredential | undefined;
  /** Told the new device credential, e.g. to fall back to it when the link expires. */
  onPaired?: (credential: string) => void;
  /** Where a refused pairing is noted. @default console */
  logger?: Pick<Console, 'info'>;
}

const RETRYABLE: ReadonlySet<CommandFailure> = new Set(['disconnected', 'timeout', 'not-connected']);

/** Returns the function that stops listening. */
export function pairOnWelcome(connection: ReturnType<typeof useConnectionStore>, options: PairingOptions): () => void {
  const { label, stores, current, onPaired, logger = console } = options;
  let tried = false;
  return connection.onWelcome(() => {
    if (tried || current()?.from !== 'link' || !stores.local) return;
    tried = true;
    // The credential this browser held before is given up for the new one, so the admin list does not fill with stale pairings.
    const replaces = stores.local.getItem(stores.deviceKey) || undefined;
    connection
      .request({ type: 'pair-device', label, ...(replaces !== undefined && { replaces }) })
      .then((reply) => {
        if (reply.type !== 'device-paired') return;
        keepDeviceCredential(stores, reply.credential);
        onPaired?.(reply.credential);
      })
      .catch((error: unknown) => {
        // Lost on the way (the socket dropped, no reply in time): try again at the next welcome. A refusal by the bridge is final.
        if (error instanceof CommandError && RETRYABLE.has(error.code)) tried = false;
        logger.info(`this screen was not paired as a device: ${error instanceof Error ? error.message : String(error)}`);
      });
  });
}
