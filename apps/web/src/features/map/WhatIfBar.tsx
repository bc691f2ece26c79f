import type { ImpactedStrategyNode, WorkImpact } from '@throughline/domain';
import type { UseQueryResult } from '@tanstack/react-query';
import './map.css';

const pct = (share: number) => `${Math.round(share * 100)}%`;

function Names({ nodes, onShow }: { nodes: readonly ImpactedStrategyNode[]; onShow: (id: string) => void }) {
  return (
    <>
      {nodes.map((n) => (
        <button key={n.nodeId} type="button" className="crumb" title={n.title} onClick={() => onShow(n.nodeId)}>
          {n.key}
          {n.share < 1 && <span className="muted"> −{pct(n.share)}</span>}
        </button>
      ))}
    </>
  );
}

/**
 * The answer to "What if this stops?" over the map, in words and figures from the impact endpoint:
 * what would lose all its delivery, what would lose part (and how much, by weight), what depends on it.
 */
export function WhatIfBar({
  impact,
  onShow,
  onClose,
}: {
  impact: UseQueryResult<WorkImpact>;
  onShow: (id: string) => void;
  onClose: () => void;
}) {
  const data = impact.data;
  return (
    <div className="trace-bar what-if-bar" role="region" aria-label="What if" data-testid="what-if">
      <span className="trace-label">What if it stopped</span>
      {impact.isPending && <span className="muted">Working it out…</span>}
      {impact.isError && <span className="field-error">{impact.error.message}</span>}
      {data && (
        <>
          <strong>{data.item.key}</strong>
          {data.item.status !== 'active' && (
            <span className="muted">is not active, so it delivers nothing now; only what depends on it is shown.</span>
          )}
          {data.losesAll.length + data.losesPart.length + data.dependents.length === 0 && (
            <span>
              Nothing would lose support: no active key result or objective counts on it, and no work depends on it.
            </span>
          )}
          {data.losesAll.length > 0 && (
            <span className="what-if-group is-all" data-testid="what-if-all">
              {data.losesAll.length} would lose all support: <Names nodes={data.losesAll} onShow={onShow} />
            </span>
          )}
          {data.losesPart.length > 0 && (
            <span className="what-if-group" data-testid="what-if-part">
              {data.losesPart.length} would lose part: <Names nodes={data.losesPart} onShow={onShow} />
            </span>
          )}
          {data.dependents.length > 0 && (
            <span className="what-if-group">
              {data.dependents.length} depend{data.dependents.length === 1 ? 's' : ''} on it:{' '}
              {data.dependents.map((d) => (
                <button key={d.nodeId} type="button" className="crumb" onClick={() => onShow(d.nodeId)}>
                  {d.key}
                  {!d.direct && <span className="muted"> (indirectly)</span>}
                </button>
              ))}
            </span>
          )}
        </>
      )}
      <button type="button" className="btn btn-small" onClick={onClose} aria-label="Close what if">
        ×
      </button>
    </div>
  );
}
