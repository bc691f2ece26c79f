import { kindInSentence, LINK_KIND_LABELS, type GraphLink, type GraphNode } from '@throughline/domain';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';

export type Deleting = { type: 'node'; node: GraphNode } | { type: 'link'; link: GraphLink };

interface DeleteDialogProps {
  deleting: Deleting;
  nodesById: ReadonlyMap<string, GraphNode>;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a node (with its links) or a link goes. */
export function DeleteDialog({ deleting, nodesById, busy, onConfirm, onCancel }: DeleteDialogProps) {
  return (
    <ConfirmDialog
      title={deleting.type === 'node' ? `Delete ${deleting.node.key}?` : 'Remove this link?'}
      confirmLabel={deleting.type === 'node' ? 'Delete' : 'Remove'}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {deleting.type === 'node' ? (
        <p>
          The {kindInSentence(deleting.node.kind)} “{deleting.node.title}” and all its links will be deleted. The change
          history keeps a record of them.
        </p>
      ) : (
        <p>
          {nodesById.get(deleting.link.from)?.key} {LINK_KIND_LABELS[deleting.link.kind]}{' '}
          {nodesById.get(deleting.link.to)?.key}: this link will be removed.
        </p>
      )}
    </ConfirmDialog>
  );
}
