import { allowedLinkKinds, type GraphNode, type NodeRecord } from '@throughline/domain';
import { useCallback, useState, type RefObject } from 'react';
import { useDeleteLink } from '../../../api/links.queries';
import { useDeleteNode } from '../../../api/nodes.queries';
import { useToast } from '../../../ui/toast';
import { GAP_X, NODE_HEIGHT, NODE_WIDTH, ROW_GAP, type XY } from '../layout/geometry';
import { freeSpot, toGraphNode } from '../model/elements';
import type { Deleting } from '../panels/DeleteDialog';
import type { DrawnGraphState } from './useDrawnGraph';
import type { MapLayout } from './useMapLayout';
import type { Selection } from './useSelection';
import type { Change } from './useUndo';

interface EditingDeps {
  drawing: Pick<DrawnGraphState, 'nodesById' | 'graph' | 'addDraft' | 'dropDraft'>;
  layout: Pick<MapLayout, 'positions' | 'moveNode'> & Partial<Pick<MapLayout, 'placeNew'>>;
  selection: Pick<Selection, 'select' | 'selectEdge' | 'selectedId'>;
  /** The traced node, if any: deleting it leaves trace mode. */
  traceId: string | null;
  /** The element the map is drawn in, and React Flow's conversion from screen to map coordinates. */
  stage: RefObject<HTMLElement | null>;
  screenToFlowPosition: (at: XY) => XY;
  /** Records a change for undo. */
  record: (change: Change) => void;
  /** Offers to link a node just created to the one it was made next to (the link dialog, ends set). */
  offerLink?: (from: GraphNode, to: GraphNode) => void;
}

/**
 * Creating and deleting on the map: a node created from the palette is placed next to the node
 * selected when it was started (with the link between them offered), else where the user is
 * looking, and selected; a node or link is deleted after a confirmation, and the outcome is said in a
 * toast. (Fields are edited in the inspector, links drawn through `useLinking`.)
 */
export function useMapEditing(deps: EditingDeps) {
  const { traceId, stage, screenToFlowPosition, record, offerLink } = deps;
  const anchorId = deps.selection.selectedId;
  const { nodesById, addDraft, dropDraft } = deps.drawing;
  const links = deps.drawing.graph.links;
  const { positions, moveNode } = deps.layout;
  // Where a new node goes: pinned there, or (grouped) a hint for placing it with its group (useGroupedLayout).
  const placeNew = deps.layout.placeNew ?? moveNode;
  const { select, selectEdge } = deps.selection;
  const toast = useToast();
  const deleteNode = useDeleteNode();
  const deleteLink = useDeleteLink();
  const [deleting, setDeleting] = useState<Deleting | null>(null);

  const onCreated = useCallback(
    (created: NodeRecord) => {
      const node = toGraphNode(created);
      // Made while a node was selected: placed next to it — below what it serves, above what serves
      // it — and the link between them offered. Otherwise where the user is looking.
      const anchor = anchorId ? nodesById.get(anchorId) : undefined;
      const at = anchor ? positions[anchor.id] : undefined;
      let wanted: XY;
      if (anchor && at) {
        const serves = allowedLinkKinds(node.kind, anchor.kind).length > 0;
        const served = allowedLinkKinds(anchor.kind, node.kind).length > 0;
        const dy = serves ? NODE_HEIGHT + ROW_GAP : served ? -(NODE_HEIGHT + ROW_GAP) : 0;
        wanted = { x: at.x + (dy === 0 ? NODE_WIDTH + GAP_X : 0), y: at.y + dy };
      } else {
        const box = stage.current?.getBoundingClientRect();
        const centre = box
          ? screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
          : { x: 0, y: 0 };
        wanted = { x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2 };
      }
      placeNew(created.id, freeSpot(wanted, positions));
      addDraft(node);
      select(created.id);
      record({ type: 'create-node', id: created.id, key: created.key });
      if (anchor && offerLink) {
        if (allowedLinkKinds(node.kind, anchor.kind).length) offerLink(node, anchor);
        else if (allowedLinkKinds(anchor.kind, node.kind).length) offerLink(anchor, node);
      }
    },
    [anchorId, nodesById, stage, screenToFlowPosition, placeNew, positions, addDraft, select, record, offerLink],
  );

  /** Asks before deleting a node of the map. */
  const requestDelete = useCallback(
    (id: string) => {
      const node = nodesById.get(id);
      if (node) setDeleting({ type: 'node', node });
    },
    [nodesById],
  );
  /** Asks before deleting the selected link, else the selected node; false when nothing is selected. */
  const requestDeleteSelection = useCallback(
    (selectedEdge: string | null, selectedId: string | null) => {
      const link = selectedEdge ? links.find((l) => l.id === selectedEdge) : undefined;
      if (link) setDeleting({ type: 'link', link });
      else if (selectedId) requestDelete(selectedId);
      else return false;
      return true;
    },
    [links, requestDelete],
  );
  const cancelDelete = useCallback(() => setDeleting(null), []);
  const confirmDelete = () => {
    if (!deleting) return;
    const done = { onSettled: () => setDeleting(null), onError: (e: Error) => toast(e.message, 'error') };
    if (deleting.type === 'node') {
      const { node } = deleting;
      deleteNode.mutate(node.id, {
        ...done,
        onSuccess: () => {
          toast(`${node.key} deleted — Ctrl+Z brings it back with its links`, 'success');
          record({ type: 'delete-node', id: node.id, key: node.key });
          dropDraft(node.id);
          select(null, { traceId: traceId === node.id ? null : traceId });
        },
      });
    } else {
      const { link } = deleting;
      deleteLink.mutate(
        { id: link.id, fromId: link.from, toId: link.to },
        {
          ...done,
          onSuccess: () => {
            selectEdge(null);
            const label = `${nodesById.get(link.from)?.key ?? 'node'} → ${nodesById.get(link.to)?.key ?? 'node'}`;
            // Made again by redo: a proposal again if it was one (the API decides approval by role).
            const proposed = link.state === 'proposed' ? ({ state: 'proposed' } as const) : {};
            const shape = { fromId: link.from, toId: link.to, kind: link.kind, weight: link.weight, ...proposed };
            record({ type: 'delete-link', id: link.id, label, link: shape });
          },
        },
      );
    }
  };

  return {
    onCreated,
    deleting,
    deleteBusy: deleteNode.isPending || deleteLink.isPending,
    requestDelete,
    requestDeleteSelection,
    confirmDelete,
    cancelDelete,
  };
}

export type MapEditing = ReturnType<typeof useMapEditing>;
