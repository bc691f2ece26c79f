import type { GraphLink, GraphNode } from '@throughline/domain';
import type { Linking } from '../hooks/useLinking';
import type { MapEditing } from '../hooks/useMapEditing';
import { DeleteDialog } from './DeleteDialog';
import { LinkDialog } from './LinkDialog';

interface MapDialogsProps {
  linking: Pick<Linking, 'request' | 'alwaysProposed' | 'submitLink' | 'cancel'>;
  editing: Pick<MapEditing, 'deleting' | 'deleteBusy' | 'confirmDelete' | 'cancelDelete'>;
  nodesById: ReadonlyMap<string, GraphNode>;
  nodes: readonly GraphNode[];
  links: readonly GraphLink[];
}

/** What the map asks before acting: what a link means (and to what), and whether to delete. */
export function MapDialogs({ linking, editing, nodesById, nodes, links }: MapDialogsProps) {
  const { request } = linking;
  return (
    <>
      {request && (
        <LinkDialog
          request={request}
          nodes={nodes}
          links={links}
          alwaysProposed={linking.alwaysProposed}
          onCreate={linking.submitLink}
          onCancel={linking.cancel}
        />
      )}
      {editing.deleting && (
        <DeleteDialog
          deleting={editing.deleting}
          nodesById={nodesById}
          busy={editing.deleteBusy}
          onConfirm={editing.confirmDelete}
          onCancel={editing.cancelDelete}
        />
      )}
    </>
  );
}
