/** Session roles, from the token a client presents. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
/** `viewer` is read-only; `operator` may act on alerts and signals; `admin` may also configure. */
export type Role = (typeof ROLES)[number];

/** Roles that may send commands (change alerts, signals, the wall, the sim clock); every other role only reads. */
export const COMMAND_ROLES = ['operator', 'admin'] as const satisfies readonly Role[];
export type CommandRole = (typeof COMMAND_ROLES)[number];

export const mayCommand = (role: Role): role is CommandRole => (COMMAND_ROLES as readonly Role[]).includes(role);
