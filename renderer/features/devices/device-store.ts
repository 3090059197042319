/**
 * What the page knows about its own credential beyond the connection: which
 * kind the bridge last refused, so the refusal banner can tell a dead link
 * from a screen whose pairing the bridge does not know.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CredentialOrigin } from '../connection/session-token';

export const useDeviceStore = defineStore('devices', () => {
  /** The kind of credential the bridge refused last; null when none was. */
  const refusedFrom = ref<CredentialOrigin | null>(null);
  return { refusedFrom };
});
