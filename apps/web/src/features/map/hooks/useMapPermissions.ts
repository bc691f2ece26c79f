import type { NodeKind } from '@throughline/domain';

/** What the signed-in role may do on the map: the map hides what it cannot do. */
export interface MapPermissions {
  /** Create, edit or delete a node of this kind (in this unit, for a contributor's work). */
  editNode: (node: { kind: NodeKind; businessUnitId?: string | null }) => boolean;
  /** Draw a link from a node in this unit. */
  createLink: (unitId?: string | null) => boolean;
  /** Approve, reject, edit or delete links. */
  decideLinks: boolean;
  /** Waive findings. */
  waive: boolean;
  /** The role's links are stored as proposals whatever it asks (a contributor's). */
  linksAreProposed: boolean;
}

const EVERYTHING: MapPermissions = {
  editNode: () => true,
  createLink: () => true,
  decideLinks: true,
  waive: true,
  linksAreProposed: false,
};

/**
 * The map's one door to the role's permissions (apps/web/src/features/auth/permissions.ts once
 * accounts land): until then everything is shown, as the API allows everything.
 */
export function useMapPermissions(): MapPermissions {
  return EVERYTHING;
}
