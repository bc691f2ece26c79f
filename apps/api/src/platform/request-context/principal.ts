/** The roles of docs/domain.md ("Organisations and roles"), one per membership. */
export const ROLES = ['admin', 'pmo', 'executive', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who makes the request, as the authentication found it: the signed-in user in one
 * organisation, with the role and units of that membership as they are in the database now
 * (read on every request, so a demotion or removal acts on the very next one).
 */
export interface Principal {
  userId: string;
  name: string;
  email: string;
  orgId: string;
  role: Role;
  /** A contributor's business units; empty for the other roles. */
  unitIds: string[];
  /** The `sessions` row the token names (`sid`); log-out revokes it. */
  sessionId: string;
}
