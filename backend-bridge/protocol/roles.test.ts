import { describe, expect, it } from 'vitest';
import { mayCommand } from './roles';

describe('mayCommand', () => {
  it('lets operators and admins command, and neither viewers nor sessions without a role', () => {
    expect(mayCommand('operator')).toBe(true);
    expect(mayCommand('admin')).toBe(true);
    expect(mayCommand('viewer')).toBe(false);
    expect(mayCommand(null)).toBe(false);
    expect(mayCommand(undefined)).toBe(false);
  });
});
