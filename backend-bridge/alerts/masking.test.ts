import { describe, expect, it } from 'vitest';
import { testAlert } from './alert.fixture';
import { alertForRole, maskName, maskPhone } from './masking';

describe('masking', () => {
  it('keeps the first character of a name, Chinese or not', () => {
    expect(maskName('张伟')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧**');
    expect(maskName('Li Na')).toBe('L**');
    expect(maskName('')).toBe('');
  });

  it('keeps the last four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('*******5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('*********5678');
    expect(maskPhone('110')).toBe('***');
  });

  it('masks sensitive fields for viewers only and leaves the rest of the alert as it is', () => {
    const alert = testAlert({ kind: 'emergency-call', classification: 'sensitive', sensitive: { callerName: '王芳', callerPhone: '13912340000' } });
    expect(alertForRole(alert, 'viewer')).toEqual({ ...alert, sensitive: { callerName: '王**', callerPhone: '*******0000' } });
    expect(alertForRole(alert, 'operator')).toBe(alert);
    expect(alertForRole(alert, 'admin')).toBe(alert);
    expect(alert.sensitive).toEqual({ callerName: '王芳', callerPhone: '13912340000' });
  });
});
