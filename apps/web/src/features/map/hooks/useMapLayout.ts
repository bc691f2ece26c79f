import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { currentActor } from '../../../api/http';
import { mapLayoutQuery, mapLayoutSharer } from '../../../api/mapLayouts.queries';
import { useSession } from '../../auth/session';
import { useToast } from '../../../ui/toast';
import type { XY } from '../layout/geometry';
import type { Arrangement } from '../layout/layoutClient';
import { LayoutStore } from '../layout/layoutStore';
import { arrange } from '../model/placement';
import type { DrawnGraph } from '../model/filters';

/** A mark on the browser's performance timeline (jsdom has none). */
function mark(name: string, detail: string) {
  if (typeof performance.mark === 'function') performance.mark(name, { detail });
}

/** Said once a session to someone whose moves are their own: why the map does not keep them for others. */
export const LOCAL_MOVES_HINT =
  'Your moves stay in this browser until you close it. Only a PMO or admin can arrange the map for everyone.';
export const SAVE_FAILED_HINT =
  'Could not save the arrangement. Your moves are kept here and will be saved when the connection is back.';
export const RELAYOUT_QUESTION =
  'Re-layout clears the arrangement everyone in the organisation sees for this view, and lays it out automatically. Continue?';

let hintedLocalMoves = false;

/**
 * Where every drawn node sits (issue 11): the view laid out (in the worker), the organisation's arrangement from the
 * server on top, the user's own moves on top of that, and nodes the layout has not seen placed beside what they are
 * linked to (`arrange`). A PMO's or admin's moves are saved to the arrangement; anyone else's stay in this browser.
 */
export function useMapLayout(key: string, drawn: DrawnGraph, viewReady: boolean, arrangement?: Arrangement) {
  const [layout] = useState(() => new LayoutStore(currentActor));
  const { session } = useSession();
  // The API's rule for PUT/DELETE /api/map-layouts (access/permissions.ts): a PMO arranges the map for everyone.
  const canArrange = session?.role === 'admin' || session?.role === 'pmo';
  const client = useQueryClient();
  const toast = useToast();
  useEffect(() => layout.shareWith(canArrange ? mapLayoutSharer(client) : null), [layout, canArrange, client]);
  // Moves still waiting to be saved are sent when the map goes away.
  useEffect(() => () => layout.dispose(), [layout]);

  const shared = useQuery(mapLayoutQuery(key));
  useEffect(() => {
    if (shared.data) layout.setShared(key, shared.data.positions);
  }, [layout, key, shared.data]);

  const placed = useSyncExternalStore(layout.subscribe, layout.getSnapshot);
  useEffect(() => {
    if (viewReady) layout.ensure(key, drawn.nodes, drawn.links, arrangement);
  }, [layout, viewReady, key, drawn, arrangement]);
  // Laid out once the layout is done and the arrangement is in (or cannot be had): the cards do not jump after the fit.
  const arranged = placed.arranged || shared.isError;
  const laidOut = placed.viewKey === key && placed.status === 'ready' && arranged;
  // Marks for the browser's performance timeline (devtools, bench/map.ts): data in, laid out.
  useEffect(() => {
    if (viewReady) mark('map:data', key);
  }, [viewReady, key]);
  useEffect(() => {
    if (laidOut) mark('map:laid-out', key);
  }, [laidOut, key]);
  const positions = useMemo(
    () =>
      // A grouped view places what the layout has not with its groups (groups/useGroupedLayout.ts).
      laidOut && !arrangement
        ? arrange({ nodes: drawn.nodes, links: drawn.links, positions: placed.positions, pinned: placed.pinned })
        : placed.positions,
    [laidOut, arrangement, drawn.nodes, drawn.links, placed.positions, placed.pinned],
  );

  const failed = placed.saving === 'failed';
  useEffect(() => {
    if (failed) toast(SAVE_FAILED_HINT, 'error');
  }, [failed, toast]);

  // Read when moving or re-laying out, so that those callbacks need not change with every refetch.
  const hasShared = Object.keys(shared.data?.positions ?? {}).length > 0;
  const latest = useRef({ drawn, arrangement, canArrange, hasShared });
  useLayoutEffect(() => {
    latest.current = { drawn, arrangement, canArrange, hasShared };
  }, [drawn, arrangement, canArrange, hasShared]);
  const moveNode = useCallback(
    (id: string, at: XY) => {
      // A card that had a place was moved (not a new one being placed): that is when the hint helps.
      const moved = !!layout.getSnapshot().positions[id];
      layout.move(key, id, at);
      if (moved && !latest.current.canArrange && !hintedLocalMoves) {
        hintedLocalMoves = true;
        toast(LOCAL_MOVES_HINT, 'info');
      }
    },
    [layout, key, toast],
  );
  const relayout = useCallback(() => {
    const { drawn: now, arrangement: groups, canArrange: shares, hasShared } = latest.current;
    if (shares && hasShared && !window.confirm(RELAYOUT_QUESTION)) return;
    layout.relayout(key, now.nodes, now.links, groups);
  }, [layout, key]);
  return {
    positions,
    /** The positions before placement, and the pinned nodes among them (for useGroupedLayout). */
    placed: placed.positions,
    pinned: placed.pinned,
    laidOut,
    /** Changes once per finished layout of the view (not on a move): the canvas fits the view then. */
    readyKey: laidOut ? `${key}#${placed.layoutId}` : null,
    pending: placed.status === 'pending',
    error: placed.error,
    ms: laidOut ? placed.ms : null,
    /** Whether the user's moves are saved for everyone (a PMO, an admin) or kept in this browser. */
    canArrange,
    moveNode,
    /** Puts a node made on the map where it was made: pinned, as a move (a grouped map places it instead). */
    placeNew: moveNode,
    relayout,
  };
}

export type MapLayout = ReturnType<typeof useMapLayout>;
