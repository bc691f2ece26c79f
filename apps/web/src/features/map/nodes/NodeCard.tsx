import { NODE_KIND_LABELS, isWorkKind, type NodeHealth, type NodeKind } from '@throughline/domain';
import { Handle, Position } from '@xyflow/react';
import { memo, useCallback, useState, type ReactNode } from 'react';
import { KindIcon } from '../../../ui/KindIcon';
import { useNodeOverlay } from '../hooks/useDiffOverlay';
import { nodeName } from '../model/keyboardNav';
import { useFar } from './FarContext';
import type { MapNodeData } from './types';
import './nodes.css';

/** The handles of `handles.ts`, as plain markup for far-zoom cards. */
const CHAIN_HANDLES = [
  { id: 'up', type: 'source', position: 'top' },
  { id: 'down', type: 'target', position: 'bottom' },
] as const;
const WORK_HANDLES = [
  ...CHAIN_HANDLES,
  { id: 'dep-out', type: 'source', position: 'right' },
  { id: 'dep-in', type: 'target', position: 'left' },
] as const;

/**
 * A far card's handles: plain markup React Flow can measure while the pointer is elsewhere (2,000
 * real handles would each subscribe to the store), real ones — grown to a usable size on screen —
 * while it is on the card, so dragging from its top or bottom edge draws a link at any zoom.
 */
function FarHandles({ work, nodeId }: { work: boolean; nodeId: string }) {
  const [hot, setHot] = useState(false);
  const onEnter = useCallback(() => setHot(true), []);
  const onLeave = useCallback(() => setHot(false), []);
  return (
    <div className="tl-far-hit" onPointerEnter={onEnter} onPointerLeave={onLeave}>
      {hot ? (
        <>
          <Handle type="source" position={Position.Top} id="up" className="tl-handle tl-handle-edge" />
          <Handle type="target" position={Position.Bottom} id="down" className="tl-handle tl-handle-edge" />
          {work && <DependencyHandles />}
        </>
      ) : (
        (work ? WORK_HANDLES : CHAIN_HANDLES).map((h) => (
          <div
            key={h.id}
            className={`react-flow__handle react-flow__handle-${h.position} ${h.type} tl-handle${h.id.startsWith('dep') ? ' tl-handle-dep' : ' tl-handle-edge'}`}
            data-handleid={h.id}
            data-handlepos={h.position}
            data-nodeid={nodeId}
          />
        ))
      )}
    </div>
  );
}

const HEALTH_LABEL: Record<NodeHealth, string> = {
  green: 'green',
  amber: 'amber',
  red: 'red',
  unknown: 'not reported',
};

interface NodeCardProps {
  data: MapNodeData;
  selected: boolean;
  /** What a kind adds under the owner line: a progress bar, collapsed counts. */
  children?: ReactNode;
}

/** The body every kind shares: colour band and icon, key and title, owner, unit, health, findings. */
export const NodeCard = memo(function NodeCard({ data, selected, children }: NodeCardProps) {
  const far = useFar();
  const { node, businessUnit, rollup, findings } = data;
  const derived = rollup && rollup.derivedHealth !== node.health ? rollup.derivedHealth : null;
  const classes = ['tl-node', `kind-${node.kind}`, `status-${node.status}`];
  if (selected) classes.push('is-selected');
  if (findings.errors > 0) classes.push('has-error');
  // The overlays (hooks/useDiffOverlay.ts): open red risks, and the difference from a snapshot being compared.
  const overlay = useNodeOverlay(node.id);
  if (overlay.diff) classes.push(`diff-${overlay.diff}`);

  if (far) {
    // Zoomed out: the key and the title as a label sized for the screen (nodes.css, "far zoom"), on
    // the kind's colour, with the error ring (no icon: 2,000 small <svg>s cost 0.3 s to paint). A
    // fraction of the DOM and no store subscriptions; the handles become real ones while the pointer
    // is on the card (`FarHandles`), so a link can be drawn at any zoom.
    return (
      <div
        className={`${classes.join(' ')} is-far`}
        data-testid={`node-${node.key}`}
        data-key={node.key}
        role="group"
        aria-label={nodeName(node)}
      >
        <div className="tl-far-label">
          <span className="tl-node-key">{node.key}</span> <span className="tl-far-title">{node.title}</span>
        </div>
        <FarHandles work={isWorkKind(node.kind)} nodeId={node.id} />
      </div>
    );
  }

  return (
    <div
      className={classes.join(' ')}
      data-testid={`node-${node.key}`}
      data-key={node.key}
      role="group"
      aria-label={nodeName(node)}
    >
      <Handle
        type="source"
        position={Position.Top}
        id="up"
        className="tl-handle tl-handle-edge"
        title="Drag from this edge to what this serves (drop anywhere on it)"
      />
      <div className="tl-node-head">
        <span className="tl-node-kind" title={NODE_KIND_LABELS[node.kind]}>
          <KindIcon kind={node.kind} size={14} />
        </span>
        <span className="tl-node-key">{node.key}</span>
        {node.status !== 'active' && <span className="tl-node-status">{node.status.replace('_', ' ')}</span>}
        <span className="tl-node-spacer" />
        {overlay.diff && (
          <span className={`tl-diff-tag is-${overlay.diff}`} data-testid="diff-tag">
            {overlay.diff === 'added' ? 'new' : 'changed'}
          </span>
        )}
        {overlay.redRisks > 0 && <RiskBadge count={overlay.redRisks} />}
        {findings.total > 0 && (
          <span
            className={`tl-badge ${findings.errors > 0 ? 'tl-badge-error' : 'tl-badge-warning'}`}
            title={`${findings.total} audit finding${findings.total === 1 ? '' : 's'}${findings.errors ? `, ${findings.errors} error${findings.errors === 1 ? '' : 's'}` : ''}`}
            data-testid="finding-badge"
          >
            {findings.total}
          </span>
        )}
        <HealthDot reported={node.health} derived={derived} />
      </div>
      <div className="tl-node-title" title={node.title}>
        {node.title}
      </div>
      <div className="tl-node-meta">
        <span className={`tl-node-owner${node.owner ? '' : ' is-missing'}`} title="Accountable owner">
          {node.owner ?? 'No owner'}
        </span>
        {businessUnit && (
          <span className="tl-chip" title={businessUnit.name}>
            {businessUnit.key}
          </span>
        )}
      </div>
      {children}
      <Handle
        type="target"
        position={Position.Bottom}
        id="down"
        className="tl-handle tl-handle-edge"
        title="Drag from this edge to the work that serves this"
      />
      {isWorkKind(node.kind) && <DependencyHandles />}
    </div>
  );
});

/** Open red risks on the node (likelihood × impact ≥ 15, not closed): a count the RAID log lists. */
function RiskBadge({ count }: { count: number }) {
  const label = `${count} open red risk${count === 1 ? '' : 's'}`;
  return (
    <span className="tl-badge tl-badge-risk" role="img" aria-label={label} title={label} data-testid="risk-badge">
      {count}
    </span>
  );
}

/** Where `depends_on` links attach. Not a place to start a drag: the top and bottom handles draw every kind. */
function DependencyHandles() {
  return (
    <>
      <Handle
        type="source"
        position={Position.Right}
        id="dep-out"
        className="tl-handle tl-handle-dep"
        isConnectable={false}
      />
      <Handle
        type="target"
        position={Position.Left}
        id="dep-in"
        className="tl-handle tl-handle-dep"
        isConnectable={false}
      />
    </>
  );
}

function HealthDot({ reported, derived }: { reported: NodeHealth; derived: NodeHealth | null }) {
  const title = derived
    ? `Reported health: ${HEALTH_LABEL[reported]}. From its delivery: ${HEALTH_LABEL[derived]}.`
    : `Health: ${HEALTH_LABEL[reported]}`;
  return (
    <span className="tl-health" title={title} data-health={reported}>
      <span className={`tl-dot health-${reported}`} />
      {derived && <span className={`tl-dot tl-dot-derived health-${derived}`} />}
    </span>
  );
}

/** A progress bar for objectives and key results: the coverage roll-up, or a dash when nothing is measured. */
export function Progress({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) {
    return (
      <div className="tl-progress is-empty" title="No measurable progress below this yet">
        <div className="tl-progress-track" />
        <span className="tl-progress-label">—</span>
      </div>
    );
  }
  const pct = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div
      className="tl-progress"
      title={`Progress ${pct}%`}
      role="progressbar"
      aria-valuenow={pct}
      aria-valuemin={0}
      aria-valuemax={100}
    >
      <div className="tl-progress-track">
        <div className="tl-progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="tl-progress-label">{pct}%</span>
    </div>
  );
}

const COUNT_LABELS: Partial<Record<NodeKind, [string, string]>> = {
  objective: ['objective', 'objectives'],
  key_result: ['key result', 'key results'],
  programme: ['programme', 'programmes'],
  project: ['project', 'projects'],
  bau: ['BAU', 'BAU'],
  asset: ['asset', 'assets'],
};

/** In a strategy view: how much delivery sits below a node, and a button to open its chain. */
export function CollapsedCounts({
  counts,
  onExpand,
}: {
  counts: Partial<Record<NodeKind, number>> | undefined;
  onExpand: () => void;
}) {
  const parts = Object.entries(counts ?? {})
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([kind, n]) => {
      const [one, many] = COUNT_LABELS[kind as NodeKind] ?? [kind, kind];
      return `${n} ${n === 1 ? one : many}`;
    });
  if (parts.length === 0) return null;
  return (
    <div className="tl-collapsed">
      <span className="tl-collapsed-text" title="Delivery below this node, not drawn in this view">
        {parts.join(' · ')}
      </span>
      <button type="button" className="nodrag tl-link-button" onClick={onExpand}>
        Expand
      </button>
    </div>
  );
}
