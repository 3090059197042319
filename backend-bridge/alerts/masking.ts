/**
 * Masking of personal data for the read-only viewer role (the wall and the
 * leadership cockpit). The bridge masks before sending, so the data never
 * reaches a viewer's screen or memory.
 */
import type { Role } from '../protocol';
import type { Alert } from '../protocol/alerts';

/** First character (whole code point, so a Chinese surname survives) and `**`. */
export function maskName(name: string): string {
  const first = [...name][0];
  return first === undefined ? '' : `${first}**`;
}

/** Every character but the last 4 digits replaced by `*`; a number of 4 digits or fewer is masked whole. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length <= 4 ? '*'.repeat(digits.length) : `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** The alert as a session of `role` may see it: masked for viewers, whole for operators and admins. */
export function alertForRole(alert: Alert, role: Role): Alert {
  if (role !== 'viewer' || !alert.sensitive) return alert;
  const { callerName, callerPhone } = alert.sensitive;
  return {
    ...alert,
    sensitive: {
      ...(callerName !== undefined && { callerName: maskName(callerName) }),
      ...(callerPhone !== undefined && { callerPhone: maskPhone(callerPhone) }),
    },
  };
}
