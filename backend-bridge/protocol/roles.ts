/** Session roles, from the token a client presents. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
/** `viewer` is read-only; `operator` may act on alerts and signals; `admin` may also configure. */
export type Role = (typeof ROLES)[number];
