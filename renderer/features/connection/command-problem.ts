/**
 * What the UI tells the user about a request that failed: the reason's code
 * (the bridge's error code, or why the client got no answer) and the words.
 * A failure that is not a CommandError (a bug, a thrown string) counts as
 * `rejected`, so every store shows it the same way.
 */
import { CommandError, type CommandFailure } from './pending-commands';

export interface CommandProblem {
  code: CommandFailure;
  /** The bridge's own words, or the client's when the command never got an answer. */
  message: string;
}

export function toCommandProblem(error: unknown): CommandProblem {
  if (error instanceof CommandError) return { code: error.code, message: error.message };
  return { code: 'rejected', message: error instanceof Error ? error.message : String(error) };
}
