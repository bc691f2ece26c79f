import type { BusinessUnitRecord, GraphNode } from '@throughline/domain';
import type { MapEditing } from '../hooks/useMapEditing';
import type { Selection } from '../hooks/useSelection';
import type { LinkEnd } from './LinkDialog';
import { NewNodePanel } from './NewNodePanel';
import { NodePanel } from './NodePanel';

interface SidePanelProps {
  selection: Pick<Selection, 'newKind' | 'closeNew' | 'selectedId' | 'select'>;
  editing: Pick<MapEditing, 'onCreated' | 'requestDelete'>;
  units: readonly BusinessUnitRecord[];
  nodesById: ReadonlyMap<string, GraphNode>;
  onTrace: (id: string) => void;
  onShowNode: (id: string) => void;
  onLink: (from: LinkEnd) => void;
}

/** The right of the map: the new-node form while one is being created, else the selected node's inspector. */
export function SidePanel({ selection, editing, units, nodesById, onTrace, onShowNode, onLink }: SidePanelProps) {
  const { newKind, selectedId, select } = selection;
  if (newKind) {
    return (
      <NewNodePanel
        key={newKind}
        kind={newKind}
        units={units}
        onCreated={editing.onCreated}
        onClose={selection.closeNew}
      />
    );
  }
  if (!selectedId) return null;
  return (
    <NodePanel
      nodeId={selectedId}
      units={units}
      nodesById={nodesById}
      onClose={() => select(null)}
      onTrace={onTrace}
      onDelete={editing.requestDelete}
      onShowNode={onShowNode}
      onLink={onLink}
    />
  );
}
