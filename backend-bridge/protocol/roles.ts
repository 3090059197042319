/** Session roles, from the token a client presents. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
/** `viewer` is read-only; `operator` may act on alerts and signals; `admin` may also configure. */
export type Role = (typeof ROLES)[number];

/** The roles that may send commands (act on alerts, signals, the sim clock, the wall). */
export type CommandRole = Exclude<Role, 'viewer'>;

/** Whether a session with `role` may send commands; a session not greeted yet (no role) may not. */
export function mayCommand(role: Role | null | undefined): role is CommandRole {
  return role === 'operator' || role === 'admin';
}
