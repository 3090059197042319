/**
 * A request the bridge refuses: the code and the reason become the client's
 * `error` reply (and the audit entry's outcome, for commands).
 */
import type { ErrorCode } from '../protocol';

export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}
