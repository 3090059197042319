import { describe, expect, it } from 'vitest';
import { toCommandProblem } from './command-problem';
import { CommandError } from './pending-commands';

describe('toCommandProblem', () => {
  it("keeps a command error's code and words", () => {
    expect(toCommandProblem(new CommandError('forbidden', 'needs the operator role'))).toEqual({ code: 'forbidden', message: 'needs the operator role' });
    expect(toCommandProblem(new CommandError('timeout', 'no reply'))).toEqual({ code: 'timeout', message: 'no reply' });
  });

  it('counts any other failure as rejected, with its message or its text', () => {
    expect(toCommandProblem(new Error('boom'))).toEqual({ code: 'rejected', message: 'boom' });
    expect(toCommandProblem('bad')).toEqual({ code: 'rejected', message: 'bad' });
  });
});
