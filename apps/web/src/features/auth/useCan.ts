import type { NodeKind } from '@throughline/domain';
import { useMemo } from 'react';
import {
  can,
  canChangeLink,
  canCheckIn,
  canEditAnything,
  canEditNode,
  canLinkFrom,
  linksAreProposed,
  type Action,
} from './permissions';
import { useSession } from './session';

type NodeLike = { kind: NodeKind; businessUnitId?: string | null };

/** `can`, `canEditNode` and `linksAreProposed` of permissions.ts, bound to the signed-in session. */
export function useCan() {
  const { session } = useSession();
  return useMemo(
    () => ({
      role: session?.role,
      can: (action: Action, unitId?: string | null) => can(session, action, unitId),
      canEditNode: (node: NodeLike) => canEditNode(session, node),
      canLinkFrom: (from: NodeLike) => canLinkFrom(session, from),
      canChangeLink: (link: { state: string }, from: NodeLike) => canChangeLink(session, link, from),
      canCheckIn: (keyResult: { owner?: string | null }) => canCheckIn(session, keyResult),
      canEditAnything: canEditAnything(session),
      linksAreProposed: linksAreProposed(session),
    }),
    [session],
  );
}
