import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { linksForNodeQuery } from '../../api/links.queries';
import { nodeQuery, nodeSearchQuery } from '../../api/nodes.queries';

export interface PickedAttachment {
  nodeId?: string;
  linkId?: string;
  label: string;
}

/**
 * Find a node by key or title, then attach the node itself or one of its links (a risk about a link is doubt that
 * "this work moves that result").
 */
export function AttachmentPicker({ onPick }: { onPick: (picked: PickedAttachment) => void }) {
  const [q, setQ] = useState('');
  const [nodeId, setNodeId] = useState('');
  const found = useQuery(nodeSearchQuery(q));
  const nodes = found.data ?? [];
  const node = nodes.find((n) => n.id === nodeId);
  const links = useQuery({ ...linksForNodeQuery(nodeId), enabled: Boolean(nodeId) });
  const ends = useQueries({
    queries: (links.data ?? []).map((l) => nodeQuery(l.fromId === nodeId ? l.toId : l.fromId)),
  });
  const keyOf = (id: string) => (id === node?.id ? node.key : (ends.find((e) => e.data?.id === id)?.data?.key ?? '…'));
  const name = node ? `${node.key} ${node.title}` : '';
  return (
    <fieldset className="raid-picker">
      <legend>Attach to a node or link</legend>
      <label className="field">
        <span className="field-label">Find a node</span>
        <input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Key or title" />
      </label>
      {nodes.length > 0 && (
        <label className="field">
          <span className="field-label">Node</span>
          <select value={nodeId} onChange={(e) => setNodeId(e.target.value)}>
            <option value="">Choose…</option>
            {nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.key} {n.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {node && (
        <div className="raid-picker-actions">
          <button type="button" className="btn btn-small" onClick={() => onPick({ nodeId: node.id, label: name })}>
            Attach {node.key}
          </button>
          {(links.data ?? []).map((l) => {
            const label = `${keyOf(l.fromId)} → ${keyOf(l.toId)} (${l.kind.replace('_', ' ')})`;
            return (
              <button
                key={l.id}
                type="button"
                className="btn btn-small"
                onClick={() => onPick({ linkId: l.id, label })}
              >
                Attach link {label}
              </button>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}
