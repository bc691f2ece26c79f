import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { currentActor } from '../../../api/http';
import type { XY } from '../layout/geometry';
import type { Arrangement } from '../layout/layoutClient';
import { LayoutStore } from '../layout/layoutStore';
import { placeNewNodes } from '../model/elements';
import type { DrawnGraph } from '../model/filters';

/** A mark on the browser's performance timeline (jsdom has none). */
function mark(name: string, detail: string) {
  if (typeof performance.mark === 'function') performance.mark(name, { detail });
}

/**
 * Where every drawn node sits: the view laid out (in the worker) once it is in, the user's moves on
 * top, and nodes the layout has not seen yet given a free spot.
 */
export function useMapLayout(key: string, drawn: DrawnGraph, viewReady: boolean, arrangement?: Arrangement) {
  const [layout] = useState(() => new LayoutStore(currentActor));
  const placed = useSyncExternalStore(layout.subscribe, layout.getSnapshot);
  useEffect(() => {
    if (viewReady) layout.ensure(key, drawn.nodes, drawn.links, arrangement);
  }, [layout, viewReady, key, drawn, arrangement]);
  const laidOut = placed.viewKey === key && placed.status === 'ready';
  // Marks for the browser's performance timeline (devtools, bench/map.ts): data in, laid out.
  useEffect(() => {
    if (viewReady) mark('map:data', key);
  }, [viewReady, key]);
  useEffect(() => {
    if (laidOut) mark('map:laid-out', key);
  }, [laidOut, key]);
  const positions = useMemo(
    () => (laidOut ? placeNewNodes(drawn.nodes, placed.positions) : placed.positions),
    [laidOut, drawn.nodes, placed.positions],
  );

  const moveNode = useCallback((id: string, at: XY) => layout.move(key, id, at), [layout, key]);
  const relayout = useCallback(
    () => layout.relayout(key, drawn.nodes, drawn.links, arrangement),
    [layout, key, drawn, arrangement],
  );
  return {
    positions,
    laidOut,
    /** Changes once per finished layout of the view (not on a move): the canvas fits the view then. */
    readyKey: laidOut ? `${key}#${placed.layoutId}` : null,
    pending: placed.status === 'pending',
    error: placed.error,
    ms: laidOut ? placed.ms : null,
    moveNode,
    relayout,
  };
}

export type MapLayout = ReturnType<typeof useMapLayout>;
