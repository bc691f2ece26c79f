import type { GraphLink, GraphNode } from '@throughline/domain';
import type { LayoutEdge, LayoutNode, LayoutSettings, Positions, XY } from './layoutGraph';
import { requestLayout, type Arrangement } from './layoutClient';

export interface LayoutSnapshot {
  /** The view the positions were laid out for. */
  viewKey: string | null;
  status: 'idle' | 'pending' | 'ready' | 'error';
  /** ELK's positions with the user's own moves on top. */
  positions: Positions;
  /** How long the last layout took in the worker, for the status line and the benchmark. */
  ms: number | null;
  /** Counts completed layouts: the map fits the view when this changes, not when a node is moved. */
  layoutId: number;
  error: string | null;
}

type Layouter = (
  nodes: LayoutNode[],
  edges: LayoutEdge[],
  settings?: LayoutSettings,
) => Promise<{ positions: Positions; ms: number }>;

const MOVES_PREFIX = 'throughline.map.moves.v1';

/**
 * Where every node of the current view sits. Holds the last layout of each view (so switching back
 * is instant) and the user's manual moves, kept per user and view in localStorage until they
 * re-layout. React reads it through `useSyncExternalStore`; it runs layouts without React.
 */
export class LayoutStore {
  private snapshot: LayoutSnapshot = {
    viewKey: null,
    status: 'idle',
    positions: {},
    ms: null,
    error: null,
    layoutId: 0,
  };
  private listeners = new Set<() => void>();
  private laidOut = new Map<string, { positions: Positions; ms: number }>();
  private request = 0;

  constructor(
    private readonly actor: () => string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = globalThis.localStorage ??
      null,
    private readonly layouter: Layouter = requestLayout,
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** Lays the view out unless it already is (or is being) laid out. */
  ensure(viewKey: string, nodes: readonly GraphNode[], links: readonly GraphLink[], arrangement?: Arrangement) {
    if (this.snapshot.viewKey === viewKey && this.snapshot.status !== 'error') return;
    const cached = this.laidOut.get(viewKey);
    if (cached) {
      this.request++; // a layout still running for another view must not land on this one
      this.publish({
        viewKey,
        status: 'ready',
        positions: this.withMoves(viewKey, cached.positions),
        ms: cached.ms,
        error: null,
        layoutId: this.snapshot.layoutId + 1,
      });
      return;
    }
    void this.run(viewKey, nodes, links, arrangement);
  }

  /** A fresh layout of the view, forgetting the user's moves in it. */
  relayout(viewKey: string, nodes: readonly GraphNode[], links: readonly GraphLink[], arrangement?: Arrangement) {
    this.storage?.removeItem(this.movesKey(viewKey));
    this.laidOut.delete(viewKey);
    void this.run(viewKey, nodes, links, arrangement);
  }

  /** Keeps a node where the user put it (also used to place a node created from the palette). */
  move(viewKey: string, id: string, at: XY) {
    const moves = { ...this.readMoves(viewKey), [id]: { x: Math.round(at.x), y: Math.round(at.y) } };
    this.storage?.setItem(this.movesKey(viewKey), JSON.stringify(moves));
    if (this.snapshot.viewKey === viewKey) {
      this.publish({ ...this.snapshot, positions: { ...this.snapshot.positions, [id]: moves[id] } });
    }
  }

  private async run(
    viewKey: string,
    nodes: readonly GraphNode[],
    links: readonly GraphLink[],
    arrangement?: Arrangement,
  ) {
    const request = ++this.request;
    // Keep the old positions on screen while the new layout runs: nodes still in view do not vanish.
    this.publish({ ...this.snapshot, viewKey, status: 'pending', error: null });
    try {
      const result = await this.layouter(
        // Grouped or in swimlanes (model/groups.ts), each node goes with its group's name.
        nodes.map((n) =>
          arrangement ? { id: n.id, kind: n.kind, group: arrangement.groupOf(n) } : { id: n.id, kind: n.kind },
        ),
        links.map((l) => ({ from: l.from, to: l.to, kind: l.kind })),
        arrangement?.settings,
      );
      if (request !== this.request) return;
      this.laidOut.set(viewKey, result);
      this.publish({
        viewKey,
        status: 'ready',
        positions: this.withMoves(viewKey, result.positions),
        ms: result.ms,
        error: null,
        layoutId: this.snapshot.layoutId + 1,
      });
    } catch (error) {
      if (request !== this.request) return;
      this.publish({
        ...this.snapshot,
        status: 'error',
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private withMoves(viewKey: string, positions: Positions): Positions {
    const moves = this.readMoves(viewKey);
    return Object.keys(moves).length ? { ...positions, ...moves } : positions;
  }

  private readMoves(viewKey: string): Positions {
    try {
      return JSON.parse(this.storage?.getItem(this.movesKey(viewKey)) ?? '{}') as Positions;
    } catch {
      return {};
    }
  }

  private movesKey(viewKey: string) {
    return `${MOVES_PREFIX}:${this.actor()}:${viewKey}`;
  }

  private publish(next: LayoutSnapshot) {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
