import type { NodeKind } from '@throughline/domain';
import { useCallback, useState } from 'react';
import type { MapUrlPatch, MapUrlState } from '../useMapUrl';

export type SetMapUrl = (patch: MapUrlPatch, options?: { push?: boolean }) => void;

/**
 * Selects a node (`null`: none). `also` joins other URL changes to the same step, and `push` makes
 * it a history entry (a change of view).
 */
export type Select = (id: string | null, also?: MapUrlPatch, options?: { push?: boolean }) => void;

/**
 * What the user has in hand: the selected node (in the URL, so a link shares it), the selected link,
 * and the kind of a node being created from the palette. Selecting a node closes the new-node form;
 * the form, while open, is shown instead of the selected node's inspector.
 */
export function useSelection(url: MapUrlState, setUrl: SetMapUrl) {
  const [newKind, setNewKind] = useState<NodeKind | null>(null);
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);

  const select: Select = useCallback(
    (id, also = {}, options) => {
      setUrl({ ...also, selectedId: id }, options);
      if (id) setNewKind(null);
    },
    [setUrl],
  );
  const selectEdge = useCallback((id: string | null) => setSelectedEdge(id), []);
  const startNew = useCallback((kind: NodeKind) => setNewKind(kind), []);
  const closeNew = useCallback(() => setNewKind(null), []);

  return {
    selectedId: url.selectedId ?? null,
    selectedEdge,
    /** The kind of node the new-node form creates, while it is open. */
    newKind,
    select,
    selectEdge,
    startNew,
    closeNew,
  };
}

export type Selection = ReturnType<typeof useSelection>;
