import type { BusinessUnitRecord, GraphNode, NodeRecord } from '@throughline/domain';
import type { NodeFields } from '../../../api/nodes.queries';
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
  onSaved: (saved: NodeRecord, before: NodeFields, after: NodeFields) => void;
  onWhatIf: (id: string) => void;
}

/** The right of the map: the new-node form while one is being created, else the selected node's inspector. */
export function SidePanel(props: SidePanelProps) {
  const { selection, editing, units, nodesById, onTrace, onShowNode, onLink, onSaved, onWhatIf } = props;
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
      onSaved={onSaved}
      onWhatIf={onWhatIf}
    />
  );
}
