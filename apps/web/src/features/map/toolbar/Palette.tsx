import { kindWithArticle, NODE_KINDS, NODE_KIND_LABELS, type NodeKind } from '@throughline/domain';
import { memo } from 'react';
import { KindIcon } from '../../../ui/KindIcon';
import './toolbar.css';

/** Add a node of any kind: picks the kind, the side panel asks for the rest. */
export const Palette = memo(function Palette({
  onPick,
  active,
  kinds = NODE_KINDS,
}: {
  onPick: (kind: NodeKind) => void;
  active: NodeKind | null;
  /** The kinds the role may create (a contributor: work only; an executive: none). */
  kinds?: readonly NodeKind[];
}) {
  if (kinds.length === 0) return null;
  return (
    <nav className="palette" aria-label="Add a node">
      <h2 className="palette-title">Add</h2>
      {kinds.map((kind) => (
        <button
          key={kind}
          type="button"
          className={`palette-item kind-${kind}${active === kind ? ' is-active' : ''}`}
          onClick={() => onPick(kind)}
          title={`Add ${kindWithArticle(kind)}`}
          data-testid={`palette-${kind}`}
        >
          <KindIcon kind={kind} size={18} decorative />
          <span>{NODE_KIND_LABELS[kind]}</span>
        </button>
      ))}
    </nav>
  );
});
