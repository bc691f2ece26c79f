import type { GraphNode } from '@throughline/domain';
import type { Linking } from '../hooks/useLinking';
import type { MapEditing } from '../hooks/useMapEditing';
import { DeleteDialog } from './DeleteDialog';
import { LinkKindChooser } from './LinkKindChooser';

interface MapDialogsProps {
  linking: Pick<Linking, 'chooser' | 'submitLink' | 'cancelChoice'>;
  editing: Pick<MapEditing, 'deleting' | 'deleteBusy' | 'confirmDelete' | 'cancelDelete'>;
  nodesById: ReadonlyMap<string, GraphNode>;
}

/** What the map asks before acting: which kind of link to draw, and whether to delete. */
export function MapDialogs({ linking, editing, nodesById }: MapDialogsProps) {
  return (
    <>
      {linking.chooser && (
        <LinkKindChooser {...linking.chooser} onCreate={linking.submitLink} onCancel={linking.cancelChoice} />
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
