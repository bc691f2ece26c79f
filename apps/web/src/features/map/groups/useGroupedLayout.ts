import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Positions, XY } from '../layout/geometry';
import type { DrawnGraph } from '../model/filters';
import { collapseFlow } from '../model/collapseFlow';
import { frameOf } from '../model/groups';
import { arrange } from '../model/placement';
import type { MapLayout } from '../hooks/useMapLayout';
import type { MapGroups } from './useMapGroups';

/**
 * Where the cards of a grouped map are drawn (issue 11), on top of `useMapLayout`:
 * - a node the layout has not placed goes inside its group's box, beside what it is linked to there, the box
 *   growing to hold it (`arrange` with the groups). A node made on the map while grouped (`placeNew`) is placed so
 *   too, not pinned where it was made: until its link arrives (the link dialog offers it) it waits near where it was
 *   made, clear of the boxes, then joins its group's box. A person's drag pins it as any card.
 * - with groups collapsed, what stood right of or below them closes up (`collapseFlow`); expanding makes the room
 *   again. Only the drawing moves: a card dragged meanwhile is kept where it would be with every group open, so the
 *   organisation's arrangement and the user's moves never hold a collapsed view's shifts.
 * Without a grouping, the layout as it comes.
 */
export function useGroupedLayout(
  groups: Pick<MapGroups, 'model' | 'collapsed'>,
  drawn: DrawnGraph,
  layout: MapLayout,
): MapLayout {
  const { model, collapsed } = groups;
  const { placed, pinned, laidOut } = layout;
  // Where nodes made on the map were asked to go (beside the node selected then), kept as if every group were open.
  const [hints, setHints] = useState<Positions>({});
  const arranged = useMemo(
    () =>
      model && laidOut
        ? arrange({
            nodes: drawn.nodes,
            links: drawn.links,
            positions: placed,
            pinned,
            groups: { groupOf: model.groupOf, frame: frameOf(model.grouping) },
            hints,
          })
        : layout.positions,
    [model, laidOut, drawn.nodes, drawn.links, placed, pinned, hints, layout.positions],
  );
  const flow = useMemo(
    () =>
      model
        ? collapseFlow(
            model,
            drawn.nodes.map((n) => n.id),
            arranged,
            collapsed,
          )
        : null,
    [model, drawn.nodes, arranged, collapsed],
  );
  const positions = flow?.positions ?? arranged;

  const latest = useRef(flow);
  useLayoutEffect(() => {
    latest.current = flow;
  }, [flow]);
  const { moveNode: keep } = layout;
  const moveNode = useCallback(
    (id: string, at: XY) => {
      const shift = latest.current?.shifts.get(id);
      keep(id, shift ? { x: at.x - shift.x, y: at.y - shift.y } : at);
    },
    [keep],
  );
  // A node just made on the map (useMapEditing): placed with its group, beside where it was made, not pinned there.
  const placeNew = useCallback((id: string, at: XY) => {
    const shift = shiftAt(at, latest.current?.positions, latest.current?.shifts);
    setHints((h) => ({ ...h, [id]: { x: at.x - shift.x, y: at.y - shift.y } }));
  }, []);
  return useMemo(
    () => (model ? { ...layout, positions, moveNode, placeNew } : layout),
    [model, layout, positions, moveNode, placeNew],
  );
}

const ZERO: XY = { x: 0, y: 0 };

/** The shift of the card drawn nearest a point (a new node's spot, beside the card selected when it was made). */
function shiftAt(at: XY, positions?: Positions, shifts?: ReadonlyMap<string, XY>): XY {
  if (!positions || !shifts) return ZERO;
  let best: XY = ZERO;
  let nearest = Infinity;
  for (const [id, p] of Object.entries(positions)) {
    const d = Math.hypot(p.x - at.x, p.y - at.y);
    if (d < nearest) {
      nearest = d;
      best = shifts.get(id) ?? ZERO;
    }
  }
  return best;
}
