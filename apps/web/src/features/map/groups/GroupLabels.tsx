import { ViewportPortal } from '@xyflow/react';
import { memo, useContext, type ReactNode } from 'react';
import { TREE_GAP } from '../layout/geometry';
import { GroupActionsContext, type GroupNodeType } from '../nodes/GroupNode';
import type { GroupedMap } from './useMapGroups';

/**
 * Far out, each group's name and count, sized for the screen (CSS, from the canvas's `--zoom`) and
 * drawn above the cards, which hide the box's own header there; a box's name is its collapse
 * button there too. Rendered once per change of the groups, never per frame: zooming only changes
 * the CSS variable, and CSS shows the layer only far out (`.zoom-far`, nodes/groups.css).
 */
export const GroupLabels = memo(function GroupLabels({ groups }: { groups: readonly GroupNodeType[] }) {
  const { toggle } = useContext(GroupActionsContext);
  if (groups.length === 0) return null;
  return (
    <ViewportPortal>
      <div className="map-group-far-labels" data-testid="group-far-labels">
        {groups.map((g) => {
          // A lane's name in its label column; a box's over its header.
          const lane = g.data.variant === 'lane';
          // A box's name no wider than its box (a collapsed one's: up to the next box), so names never run into
          // each other; cut short with an ellipsis, the count always shown, the whole name on hover.
          const room = g.data.variant === 'collapsed' ? g.data.width + TREE_GAP - 24 : g.data.width;
          const style = {
            transform: `translate(${g.position.x}px, ${g.position.y}px)`,
            ...(lane ? {} : { maxWidth: `${room}px` }),
          };
          const text = (
            <>
              <span className="map-group-far-name" title={g.data.name}>
                {g.data.name}
              </span>{' '}
              <span className="map-group-far-count">· {g.data.total}</span>
            </>
          );
          if (lane)
            return (
              <div key={g.id} className="map-group-far-label is-lane" data-name={g.data.name} style={style}>
                {text}
              </div>
            );
          const collapsed = g.data.variant === 'collapsed';
          return (
            <button
              key={g.id}
              type="button"
              className="map-group-far-label is-button nodrag nopan"
              data-name={g.data.name}
              style={style}
              aria-expanded={!collapsed}
              aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${g.data.name}`}
              title={collapsed ? 'Show its cards' : 'Fold its cards into one box'}
              onClick={() => toggle(g.id)}
            >
              {text}
            </button>
          );
        })}
      </div>
    </ViewportPortal>
  );
});

/** The canvas with its groups: the boxes' collapse buttons reach the map through context, and the far labels. */
export function GroupLayer({ grouped, children }: { grouped: GroupedMap; children: ReactNode }) {
  return (
    <GroupActionsContext.Provider value={grouped.actions}>
      {children}
      <GroupLabels groups={grouped.groupNodes} />
    </GroupActionsContext.Provider>
  );
}
