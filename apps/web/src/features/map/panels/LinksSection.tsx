import { useQuery } from '@tanstack/react-query';
import { LINK_KIND_LABELS, type GraphNode, type LinkRecord, type NodeRecord } from '@throughline/domain';
import {
  linksForNodeQuery,
  useApproveLink,
  useDeleteLink,
  useRejectLink,
  useSetLinkWeight,
} from '../../../api/links.queries';
import { useToast } from '../../../ui/toast';
import { useCan } from '../../auth/useCan';
import { WeightInput } from './WeightInput';
import { ConfirmButton } from './ConfirmButton';
import { NodeName } from './NodeName';
import './panels.css';

interface LinksSectionProps {
  node: NodeRecord;
  nodesById: ReadonlyMap<string, GraphNode>;
  onShowNode: (id: string) => void;
}

/** The node's links, both directions: what it serves, what serves it, what it depends on; approve, reject, remove. */
export function LinksSection({ node, nodesById, onShowNode }: LinksSectionProps) {
  const links = useQuery(linksForNodeQuery(node.id));
  const toast = useToast();
  const approve = useApproveLink();
  const reject = useRejectLink();
  const remove = useDeleteLink();
  const setWeight = useSetLinkWeight();
  const { can, canChangeLink } = useCan();
  const onError = { onError: (e: Error) => toast(e.message, 'error') };

  if (links.isPending) return <p className="muted">Loading links…</p>;
  if (links.isError) return <p className="field-error">{links.error.message}</p>;
  if (links.data.length === 0) {
    return (
      <p className="muted">No links yet. Use “Link to…” above, or drag from this card’s top edge to what it serves.</p>
    );
  }
  const outgoing = links.data.filter((l) => l.fromId === node.id);
  const incoming = links.data.filter((l) => l.toId === node.id);
  const row = (l: LinkRecord, otherId: string, outwards: boolean) => {
    const other = nodesById.get(otherId);
    // Who may not change a link reads it: its weight as text, no approve/reject/remove.
    const from = l.fromId === node.id ? node : nodesById.get(l.fromId);
    const changeable = from ? canChangeLink(l, from) : can('approveLinks');
    const weightEditable = changeable && l.kind === 'contributes_to' && outwards;
    return (
      <li key={l.id} className={`link-row state-${l.state}`}>
        <span className="link-kind">{outwards ? LINK_KIND_LABELS[l.kind] : `← ${LINK_KIND_LABELS[l.kind]}`}</span>
        <button type="button" className="tl-link-button" onClick={() => onShowNode(otherId)} title={other?.title}>
          <NodeName id={otherId} drawn={nodesById} />
        </button>
        {weightEditable && (
          <WeightInput value={l.weight} onSave={(weight) => setWeight.mutate({ link: l, weight }, onError)} />
        )}
        {l.weight !== null && !weightEditable && <span className="muted">weight {l.weight}</span>}
        {l.state !== 'approved' && <span className={`pill pill-${l.state}`}>{l.state}</span>}
        <span className="link-actions">
          {l.state === 'proposed' && can('approveLinks') && (
            <>
              <button type="button" className="btn btn-small" onClick={() => approve.mutate(l, onError)}>
                Approve
              </button>
              <button type="button" className="btn btn-small" onClick={() => reject.mutate(l, onError)}>
                Reject
              </button>
            </>
          )}
          {changeable && <ConfirmButton label="Remove" confirm="Remove?" onConfirm={() => remove.mutate(l, onError)} />}
        </span>
      </li>
    );
  };
  return (
    <div className="links-section">
      {outgoing.length > 0 && (
        <>
          <h3>This {node.kind.replace('_', ' ')}…</h3>
          <ul className="link-list">{outgoing.map((l) => row(l, l.toId, true))}</ul>
        </>
      )}
      {incoming.length > 0 && (
        <>
          <h3>Linked to it</h3>
          <ul className="link-list">{incoming.map((l) => row(l, l.fromId, false))}</ul>
        </>
      )}
    </div>
  );
}
