import type { FitViewOptions } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { Positions } from '../layout/geometry';
import type { MapUrlPatch } from '../useMapUrl';
import type { Select } from './useSelection';

/**
 * How the map frames what it reveals: room around it, never closer than a readable card, and never
 * further out than full cards (0.5: titles, owners and health readable) — a finding spread over the
 * map is centred at that zoom rather than shown as specks.
 */
export const REVEAL_FIT = { padding: 0.35, minZoom: 0.5, maxZoom: 1.1, duration: 400 };

export interface RevealOptions {
  /** The node to select: the first one unless said (`null`: clear the selection). */
  select?: string | null;
  /** Other URL changes made in the same step (e.g. leaving trace mode). */
  also?: MapUrlPatch;
  /** Open the first node's chain even when it is drawn (a collapsed strategy node's delivery). */
  expand?: boolean;
}

/** Brings nodes into sight and selects one (see `useReveal`). */
export type Reveal = (ids: readonly string[], options?: RevealOptions) => void;

interface RevealDeps {
  positions: Positions;
  /** The current view is laid out: positions are final. */
  laidOut: boolean;
  select: Select;
  /** React Flow's `fitView`. */
  fitView: (options: FitViewOptions) => Promise<boolean>;
}

/**
 * The one way the map shows the user a node — a search hit, a breadcrumb, the other end of a link,
 * a finding, a strategy node expanded. Nodes drawn in this view are zoomed to; when none is, the
 * view changes to the first one's chain (a history entry, so Back returns) and the nodes are framed
 * once that view is laid out. `reveal` is stable for the screen's life, so memoised parts and the
 * nodes' context never re-render because of it.
 */
export function useReveal({ positions, laidOut, select, fitView }: RevealDeps) {
  const zoomTo = useCallback(
    (ids: readonly string[]) => void fitView({ ...REVEAL_FIT, nodes: ids.map((id) => ({ id })) }),
    [fitView],
  );

  // Nodes to frame once a view change has laid them out.
  const pendingFit = useRef<string[] | null>(null);
  useEffect(() => {
    const ids = pendingFit.current;
    if (!ids || !laidOut) return;
    const present = ids.filter((id) => positions[id]);
    if (present.length === 0) return;
    pendingFit.current = null;
    zoomTo(present);
  }, [laidOut, positions, zoomTo]);

  // Read when revealing, so that `reveal` need not change with every layout or move.
  const latest = useRef(positions);
  useLayoutEffect(() => {
    latest.current = positions;
  }, [positions]);

  const reveal: Reveal = useCallback(
    (ids, { select: target = ids[0] ?? null, also = {}, expand = false } = {}) => {
      const shown = expand ? [] : ids.filter((id) => latest.current[id]);
      if (shown.length > 0 || ids.length === 0) {
        select(target, also);
        if (shown.length > 0) zoomTo(shown);
        return;
      }
      pendingFit.current = [...ids];
      select(target, { ...also, scope: 'chain', rootId: ids[0] }, { push: true });
    },
    [select, zoomTo],
  );

  return { reveal, zoomTo };
}
