import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { createContext, memo, useContext } from 'react';
import { healthWords, type HealthSummary } from '../model/groups';
import './groups.css';

/**
 * A group on the map (model/groups.ts): a box behind its members' cards (`box`), a swimlane
 * (`lane`), or, collapsed, one card-sized box that stands for them all and takes their links.
 */
export type GroupNodeData = {
  name: string;
  variant: 'box' | 'lane' | 'collapsed';
  /** "2 objectives · 5 projects". */
  counts: string;
  total: number;
  health: HealthSummary;
  /** The box's size: part of the data so that a box that grows is a new node for `reconcile`. */
  width: number;
  height: number;
  /**
   * New with every new data object. The canvas's `sameNode` (model/elements.ts) compares a node's
   * data by identity and then as a card's, starting with `node`: a group's new data is never
   * taken for its old one.
   */
  node: object;
};
export type GroupNodeType = Node<GroupNodeData, 'group'>;

/** What a group box may ask of the map; stable for the map's lifetime, so asking re-renders nothing. */
export interface GroupActions {
  toggle: (groupId: string) => void;
}
export const GroupActionsContext = createContext<GroupActions>({ toggle: () => undefined });

const HEALTHS = ['red', 'amber', 'green'] as const;

/** Counts of red, amber and green, as coloured dots with their numbers; read out in words. */
export function HealthCounts({ health }: { health: HealthSummary }) {
  const words = healthWords(health);
  return (
    <span className="map-group-health" role="img" aria-label={`Health: ${words}`} title={`Health: ${words}`}>
      {HEALTHS.filter((h) => health[h] > 0).map((h) => (
        <span key={h} className="map-group-health-count" data-health={h}>
          <span className={`map-group-dot health-${h}`} aria-hidden="true" />
          {health[h]}
        </span>
      ))}
    </span>
  );
}

export const GroupNode = memo(function GroupNode({ id, data }: NodeProps<GroupNodeType>) {
  const { toggle } = useContext(GroupActionsContext);
  const collapsed = data.variant === 'collapsed';
  return (
    <div
      className={`map-group is-${data.variant}`}
      data-testid={data.variant === 'lane' ? 'map-lane' : 'map-group'}
      data-name={data.name}
      data-total={data.total}
    >
      <div className="map-group-header">
        {data.variant !== 'lane' && (
          <button
            type="button"
            className="map-group-toggle nodrag nopan"
            aria-expanded={!collapsed}
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${data.name}`}
            title={collapsed ? 'Show its cards' : 'Fold its cards into one box'}
            onClick={(event) => {
              event.stopPropagation(); // not a click on the node (which would select it)
              toggle(id);
            }}
          >
            {collapsed ? '▸' : '▾'}
          </button>
        )}
        <span className="map-group-name">{data.name}</span>
        <span className="map-group-total" title={`${data.total} on the map`}>
          {data.total}
        </span>
      </div>
      <div className="map-group-summary">
        <span className="map-group-counts">{data.counts}</span>
        <HealthCounts health={data.health} />
      </div>
      {collapsed && (
        // Links to the folded cards arrive here (handles.ts places them as on a work card).
        <>
          <Handle type="source" position={Position.Top} id="up" isConnectable={false} className="map-group-handle" />
          <Handle
            type="target"
            position={Position.Bottom}
            id="down"
            isConnectable={false}
            className="map-group-handle"
          />
          <Handle
            type="source"
            position={Position.Right}
            id="dep-out"
            isConnectable={false}
            className="map-group-handle"
          />
          <Handle
            type="target"
            position={Position.Left}
            id="dep-in"
            isConnectable={false}
            className="map-group-handle"
          />
        </>
      )}
    </div>
  );
});
