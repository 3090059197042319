/** How tokens are kept: as the SHA-256 of their UTF-8 bytes, never in clear. */
import { createHash, randomBytes } from 'node:crypto';

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A fresh random token: 24 bytes, URL-safe base64 (32 characters). */
export const newToken = (): string => randomBytes(24).toString('base64url');
