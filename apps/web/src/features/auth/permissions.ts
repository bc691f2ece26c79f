import { isStrategyKind, isWorkKind, type NodeKind } from '@throughline/domain';
import type { Role, Session } from '../../api/auth.queries';

/**
 * What a role may do, for hiding what the signed-in member cannot do. The API enforces the same
 * rules on every request (its permission table and services); this only spares people buttons that
 * would be refused. From docs/domain.md, "Organisations and roles":
 * admin everything; pmo every node and link, approvals, audits; executive reads only;
 * contributor the work of its own business units, and links from it that are always proposed.
 */
export type Action =
  /** Create, edit or delete a theme, objective or key result (check-ins: `canCheckIn`). */
  | 'editStrategy'
  /** Create, edit or delete a programme, project, BAU or asset of the unit given as `unitId`. */
  | 'editWork'
  /** Draw a link from a node of the unit given as `unitId` (a contributor's is proposed). */
  | 'createLink'
  /** Approve or reject proposed links; edit or delete any link. */
  | 'approveLinks'
  /** Waive audit findings. */
  | 'waiveFindings'
  /** Import an interchange document into the organisation. */
  | 'runImport'
  /** Business units, members, the organisation's settings, its change log. */
  | 'manageUnits'
  | 'manageMembers'
  | 'manageSettings'
  | 'viewChangeLog';

const EDITORS: readonly Role[] = ['admin', 'pmo'];

const BY_ROLE: Record<Exclude<Action, 'editWork' | 'createLink'>, readonly Role[]> = {
  editStrategy: EDITORS,
  approveLinks: EDITORS,
  waiveFindings: EDITORS,
  runImport: EDITORS,
  manageUnits: ['admin'],
  manageMembers: ['admin'],
  manageSettings: ['admin'],
  viewChangeLog: ['admin'],
};

type SessionLike = Pick<Session, 'role' | 'unitIds'> | null | undefined;

/** May the member do `action` (for `editWork` and `createLink`: in the unit `unitId`)? No session: nothing. */
export function can(session: SessionLike, action: Action, unitId?: string | null): boolean {
  if (!session) return false;
  if (action === 'editWork' || action === 'createLink') {
    if (EDITORS.includes(session.role)) return true;
    return session.role === 'contributor' && !!unitId && session.unitIds.includes(unitId);
  }
  return BY_ROLE[action].includes(session.role);
}

/** The edit check that fits a node: strategy kinds need `editStrategy`, work needs its unit. */
export function canEditNode(session: SessionLike, node: { kind: NodeKind; businessUnitId?: string | null }): boolean {
  return isStrategyKind(node.kind) ? can(session, 'editStrategy') : can(session, 'editWork', node.businessUnitId);
}

/** May draw a link from `from`: a contributor only from its own units' work (and it is then proposed). */
export function canLinkFrom(session: SessionLike, from: { kind: NodeKind; businessUnitId?: string | null }): boolean {
  if (!session) return false;
  if (session.role !== 'contributor') return can(session, 'editStrategy');
  return isWorkKind(from.kind) && can(session, 'createLink', from.businessUnitId);
}

/** May edit or withdraw a link: pmo/admin any; a contributor its own units' proposals only. */
export function canChangeLink(
  session: SessionLike,
  link: { state: string },
  from: { kind: NodeKind; businessUnitId?: string | null },
): boolean {
  if (!session) return false;
  if (session.role !== 'contributor') return can(session, 'approveLinks');
  return link.state === 'proposed' && canLinkFrom(session, from);
}

/**
 * May check in on a key result: pmo/admin, or a contributor named as its owner (the owner is free text,
 * so it matches the member's name or email, ignoring case and outer spaces, as the API compares it).
 */
export function canCheckIn(
  session: (SessionLike & { user?: { name: string; email: string } }) | null | undefined,
  keyResult: { owner?: string | null },
): boolean {
  if (!session) return false;
  if (session.role !== 'contributor') return can(session, 'editStrategy');
  const owner = keyResult.owner?.trim().toLowerCase();
  return (
    !!owner &&
    !!session.user &&
    [session.user.name.trim().toLowerCase(), session.user.email.toLowerCase()].includes(owner)
  );
}

/** A link this member draws is stored as a proposal (a contributor's always is). */
export function linksAreProposed(session: SessionLike): boolean {
  return session?.role === 'contributor';
}

/** May draw or edit anything at all on the map (an executive may not; a contributor without units may not). */
export function canEditAnything(session: SessionLike): boolean {
  if (!session) return false;
  return EDITORS.includes(session.role) || (session.role === 'contributor' && session.unitIds.length > 0);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  pmo: 'PMO lead',
  executive: 'Executive',
  contributor: 'Contributor',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'everything, including members, business units and settings',
  pmo: 'every node and link; approves proposals; audits',
  executive: 'reads everything, changes nothing',
  contributor: 'the work of its own business units; proposes links',
};
