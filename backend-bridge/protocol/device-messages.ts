/**
 * Credentials on the wire (issue 14): a page that connected with a printed
 * link or a configured token pairs itself as a *device* and keeps the
 * long-lived device credential it gets back; admins list links and devices
 * and revoke one, which closes its live sockets at once.
 *
 * A hello whose token is refused is closed with `CloseCode.invalidToken` and
 * a reason that starts with its cause (see `credentialRefusalReason`), so the
 * client can say exactly what to do.
 */
import * as v from 'valibot';
import { count, entityId, epochMs, nonEmptyText, requestId, text } from './fields';
import { ROLES } from './roles';

/** `link`: a URL token the bridge printed (expires); `device`: a paired screen's credential (until revoked). */
export const CREDENTIAL_KINDS = ['link', 'device'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/**
 * Why a token was refused: `unknown` (never issued here, or pruned after it
 * expired), `expired` (a link past its 7 days) or `revoked` (by an admin).
 */
export const CREDENTIAL_REFUSAL_CAUSES = ['unknown', 'expired', 'revoked'] as const;
export type CredentialRefusalCause = (typeof CREDENTIAL_REFUSAL_CAUSES)[number];

export interface CredentialRefusal {
  cause: CredentialRefusalCause;
  /** When an admin revoked it, ms since the epoch; only for `revoked`. */
  revokedAtMs?: number;
}

/**
 * The close reason of a refused token: `<cause>[@<revokedAtMs>]: <detail>`,
 * e.g. `revoked@1765150000000: revoked by an administrator`.
 */
export function credentialRefusalReason({ cause, revokedAtMs }: CredentialRefusal, detail: string): string {
  return `${cause}${revokedAtMs === undefined ? '' : `@${Math.round(revokedAtMs)}`}: ${detail}`;
}

/** Reads the cause back from a close reason; null for a reason of another form (an older bridge). */
export function parseCredentialRefusal(reason: string): CredentialRefusal | null {
  const match = /^(unknown|expired|revoked)(?:@(\d{1,16}))?:/.exec(reason);
  if (!match) return null;
  const cause = match[1] as CredentialRefusalCause;
  return match[2] === undefined ? { cause } : { cause, revokedAtMs: Number(match[2]) };
}

/** A device credential in clear: 32 random bytes, URL-safe base64 (43 characters). */
const credentialText = nonEmptyText(256);

// ---------------------------------------------------------------- client → bridge

const pairDeviceSchema = v.strictObject({
  type: v.literal('pair-device'),
  id: requestId,
  /** What admins see in the list, e.g. `Wall · Chrome`. */
  label: nonEmptyText(80),
  /** The device credential this browser held before, revoked by the new pairing so re-opening a link does not pile up devices. */
  replaces: v.optional(credentialText),
});
/**
 * Any role, from a session that connected with a link or a configured token:
 * issues a device credential with that token's role; the reply is `device-paired`.
 */
export type PairDeviceMessage = v.InferOutput<typeof pairDeviceSchema>;

const listCredentialsSchema = v.strictObject({ type: v.literal('list-credentials'), id: requestId });
/** Admin only: the links and devices the bridge keeps; the reply is `credential-list`. */
export type ListCredentialsMessage = v.InferOutput<typeof listCredentialsSchema>;

const revokeCredentialSchema = v.strictObject({
  type: v.literal('revoke-credential'),
  id: requestId,
  credentialId: entityId,
});
/** Admin command: revoke a link or a device; its open sockets are closed as refused at once. */
export type RevokeCredentialMessage = v.InferOutput<typeof revokeCredentialSchema>;

export const deviceClientSchemas = {
  'pair-device': pairDeviceSchema,
  'list-credentials': listCredentialsSchema,
  'revoke-credential': revokeCredentialSchema,
} as const;

export const DEVICE_COMMAND_TYPES = ['revoke-credential'] as const;
export const DEVICE_QUERY_TYPES = ['pair-device', 'list-credentials'] as const;

// ---------------------------------------------------------------- bridge → client

const devicePairedSchema = v.strictObject({
  type: v.literal('device-paired'),
  requestId,
  /** The device's id in the admin list. */
  deviceId: entityId,
  /** The credential in clear, sent this once; the bridge keeps only its hash. */
  credential: credentialText,
  role: v.picklist(ROLES),
  label: text(80),
});
export type DevicePairedMessage = v.InferOutput<typeof devicePairedSchema>;

const credentialSummarySchema = v.strictObject({
  id: entityId,
  kind: v.picklist(CREDENTIAL_KINDS),
  role: v.picklist(ROLES),
  label: text(80),
  createdAtMs: epochMs,
  /** When a link stops working, ms since the epoch; null for a device (until revoked). */
  expiresAtMs: v.nullable(epochMs),
  /** The latest hello with it, ms since the epoch; null when never used. */
  lastUsedAtMs: v.nullable(epochMs),
  revokedAtMs: v.nullable(epochMs),
  /** Who revoked it (the admin session's label); null unless revoked. */
  revokedBy: v.nullable(text(128)),
  /** Sockets connected with it now. */
  online: count,
});
export type CredentialSummary = v.InferOutput<typeof credentialSummarySchema>;

const credentialListSchema = v.strictObject({
  type: v.literal('credential-list'),
  requestId,
  /** Newest first; revoked ones stay listed until they are pruned. */
  items: v.pipe(v.array(credentialSummarySchema), v.maxLength(10_000)),
});
export type CredentialListMessage = v.InferOutput<typeof credentialListSchema>;

export const deviceServerSchemas = {
  'device-paired': devicePairedSchema,
  'credential-list': credentialListSchema,
} as const;
