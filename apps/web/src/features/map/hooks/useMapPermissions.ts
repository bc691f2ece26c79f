import type { NodeKind } from '@throughline/domain';
import { useMemo } from 'react';
import { can, canEditNode, canLinkFrom, linksAreProposed } from '../../auth/permissions';
import { useSession } from '../../auth/session';

/** What the signed-in role may do on the map: the map hides what it cannot do. */
export interface MapPermissions {
  /** Create, edit or delete a node of this kind (in this unit, for a contributor's work). */
  editNode: (node: { kind: NodeKind; businessUnitId?: string | null }) => boolean;
  /** Add work items (a contributor: of its own units, which the form offers). */
  addWork: boolean;
  /** Draw a link from this node. */
  linkFrom: (node: { kind: NodeKind; businessUnitId?: string | null }) => boolean;
  /** Approve, reject, edit or delete links. */
  decideLinks: boolean;
  /** Waive findings. */
  waive: boolean;
  /** The role's links are stored as proposals whatever it asks (a contributor's). */
  linksAreProposed: boolean;
}

/**
 * The map's one door to the role's permissions (features/auth/permissions.ts, the same rules the API
 * enforces): the map hides what the role cannot do, and a contributor's link dialog says it will be
 * a proposal. Without a session yet, nothing is offered (nothing editable flashes in).
 */
export function useMapPermissions(): MapPermissions {
  const { session } = useSession();
  return useMemo(
    () => ({
      editNode: (node) => canEditNode(session, node),
      addWork: can(session, 'editStrategy') || (session?.role === 'contributor' && session.unitIds.length > 0),
      linkFrom: (node) => canLinkFrom(session, node),
      decideLinks: can(session, 'approveLinks'),
      waive: can(session, 'waiveFindings'),
      linksAreProposed: linksAreProposed(session),
    }),
    [session],
  );
}
