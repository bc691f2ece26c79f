import { useQuery } from '@tanstack/react-query';
import type { SnapshotRecord } from '@throughline/domain';
import { createContext, useCallback, useContext, useMemo } from 'react';
import { redRisksQuery } from '../../../api/raid.queries';
import { snapshotDiffQuery, type SnapshotDiffResult } from '../../../api/snapshots.queries';
import { useSearchParams } from '../../../app/useSearchParams';

/** How a node differs from the snapshot the map is compared with: added since, or changed since. */
export type DiffMark = 'added' | 'changed';

/**
 * What the map lays over its cards besides the audit: open red risks per node (issue 13's badges) and, with
 * `?diff=<snapshotId>` in the map's URL, each node's difference from that snapshot. Given to the cards through
 * context, like `MapActionsContext`: a card reads its own entry, and the cards' data stays domain data.
 */
export interface MapOverlay {
  redRisks: ReadonlyMap<string, number>;
  diff: ReadonlyMap<string, DiffMark>;
}

const NONE: MapOverlay = { redRisks: new Map(), diff: new Map() };

export const MapOverlayContext = createContext<MapOverlay>(NONE);

/** One card's share of the overlay: its open red risks (0 when none) and its diff mark, if any. */
export function useNodeOverlay(nodeId: string): { redRisks: number; diff: DiffMark | undefined } {
  const overlay = useContext(MapOverlayContext);
  return { redRisks: overlay.redRisks.get(nodeId) ?? 0, diff: overlay.diff.get(nodeId) };
}

/** The nodes the diff marks: added and changed ones by id (removed ones are not on the map; the panel lists them). */
export function diffMarks(diff: Pick<SnapshotDiffResult, 'nodes'> | undefined): Map<string, DiffMark> {
  const marks = new Map<string, DiffMark>();
  for (const node of diff?.nodes.added ?? []) marks.set(node.id, 'added');
  for (const change of diff?.nodes.changed ?? []) marks.set(change.id, 'changed');
  return marks;
}

export interface DiffOverlay {
  /** The snapshot compared with now (`?diff=`), or null when the overlay is off. */
  snapshotId: string | null;
  result: SnapshotDiffResult | undefined;
  pending: boolean;
  error: Error | null;
  removedNodes: SnapshotRecord[];
  clear: () => void;
}

/**
 * The map's overlays: the red-risk badges (asked for once per map view) and the snapshot diff named by `?diff=`
 * (the diff of that snapshot against now, from `GET /api/snapshots/diff`). `value` goes to `MapOverlayContext`.
 */
export function useMapOverlay(): { value: MapOverlay; diff: DiffOverlay } {
  const [params, update] = useSearchParams();
  const snapshotId = params.get('diff');
  const risks = useQuery({ ...redRisksQuery(), staleTime: 60_000 });
  const diff = useQuery({ ...snapshotDiffQuery(snapshotId ?? '', 'now'), enabled: !!snapshotId });
  const redRisks = useMemo(() => new Map((risks.data ?? []).map((r) => [r.nodeId, r.count])), [risks.data]);
  const result = snapshotId ? diff.data : undefined;
  const marks = useMemo(() => diffMarks(result), [result]);
  const value = useMemo(() => ({ redRisks, diff: marks }), [redRisks, marks]);
  const clear = useCallback(() => update({ diff: null }), [update]);
  return {
    value,
    diff: {
      snapshotId,
      result,
      pending: !!snapshotId && diff.isPending,
      error: snapshotId ? diff.error : null,
      removedNodes: result?.nodes.removed ?? [],
      clear,
    },
  };
}
