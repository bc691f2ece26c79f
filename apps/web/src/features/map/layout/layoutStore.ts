import type { GraphLink, GraphNode } from '@throughline/domain';
import type { LayoutEdge, LayoutNode, LayoutSettings, Positions, XY } from './layoutGraph';
import { requestLayout, type Arrangement } from './layoutClient';

export interface LayoutSnapshot {
  /** The view the positions were laid out for. */
  viewKey: string | null;
  status: 'idle' | 'pending' | 'ready' | 'error';
  /** The layout's positions, the organisation's arrangement on top, and the user's own moves on top of that. */
  positions: Positions;
  /** The nodes of the view whose position a person set (the arrangement, the user's moves): placement never moves them. */
  pinned: ReadonlySet<string>;
  /** Whether the organisation's arrangement of the view is in (`setShared`), so the positions are final. */
  arranged: boolean;
  /** How long the last layout took in the worker, for the status line and the benchmark. */
  ms: number | null;
  /** Counts completed layouts: the map fits the view when this changes, not when a node is moved. */
  layoutId: number;
  error: string | null;
  /** Saving moves to the organisation's arrangement: `failed` keeps them on this device and tries again. */
  saving: 'idle' | 'saving' | 'failed';
}

type Layouter = (
  nodes: LayoutNode[],
  edges: LayoutEdge[],
  settings?: LayoutSettings,
) => Promise<{ positions: Positions; ms: number }>;

/** The organisation's arrangement on the server (`/api/map-layouts`), for those who may change it. */
export interface SharedArrangement {
  save(viewKey: string, positions: Positions): Promise<void>;
  clear(viewKey: string): Promise<void>;
}

const MOVES_PREFIX = 'throughline.map.moves.v1';
/** Moves within this long are saved in one request (a drag of several cards, undo and redo in a row). */
export const SAVE_DEBOUNCE_MS = 400;
/** After a failed save, the moves are tried again this much later (and with the next move). */
const RETRY_MS = 10_000;

const NONE: ReadonlySet<string> = new Set();

/**
 * Where every node of the current view sits (issue 11), in three layers:
 * 1. The automatic layout of the view (kept per view, so switching back is instant);
 * 2. the organisation's arrangement, from the server (`setShared`): where a PMO put the cards, for everyone;
 * 3. the user's own moves. A PMO's or admin's are saved to the arrangement (debounced, batched) and leave this layer
 *    once saved; everyone else's stay for this browser session only (sessionStorage), as do a PMO's while the
 *    server cannot be reached.
 * React reads it through `useSyncExternalStore`; it runs layouts without React.
 */
export class LayoutStore {
  private snapshot: LayoutSnapshot = {
    viewKey: null,
    status: 'idle',
    positions: {},
    pinned: NONE,
    arranged: false,
    ms: null,
    error: null,
    layoutId: 0,
    saving: 'idle',
  };
  private listeners = new Set<() => void>();
  private laidOut = new Map<string, { positions: Positions; ms: number }>();
  private shared = new Map<string, Positions>();
  /** Moves waiting to be saved, by view. */
  private unsaved = new Map<string, Positions>();
  /** The user's moves by storage key (user and view). */
  private moves = new Map<string, Positions>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sharer: SharedArrangement | null = null;
  private request = 0;

  constructor(
    private readonly actor: () => string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = globalThis.sessionStorage ??
      null,
    private readonly layouter: Layouter = requestLayout,
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** Where moves go: the organisation's arrangement (a PMO, an admin), or null (this session only). */
  shareWith(sharer: SharedArrangement | null) {
    this.sharer = sharer;
  }

  /** The organisation's arrangement of a view, as the server has it now. */
  setShared(viewKey: string, positions: Positions) {
    if (this.shared.get(viewKey) === positions) return;
    this.shared.set(viewKey, positions);
    this.recompose(viewKey);
  }

  /** Lays the view out unless it already is (or is being) laid out. */
  ensure(viewKey: string, nodes: readonly GraphNode[], links: readonly GraphLink[], arrangement?: Arrangement) {
    if (this.snapshot.viewKey === viewKey && this.snapshot.status !== 'error') return;
    const cached = this.laidOut.get(viewKey);
    if (cached) {
      this.request++; // a layout still running for another view must not land on this one
      this.publish({
        ...this.snapshot,
        viewKey,
        status: 'ready',
        ...this.compose(viewKey, cached.positions),
        ms: cached.ms,
        error: null,
        layoutId: this.snapshot.layoutId + 1,
      });
      return;
    }
    void this.run(viewKey, nodes, links, arrangement);
  }

  /**
   * A fresh layout of the view, forgetting the user's moves in it; for a PMO or admin, the organisation's
   * arrangement of it too (everyone sees the automatic layout again).
   */
  relayout(viewKey: string, nodes: readonly GraphNode[], links: readonly GraphLink[], arrangement?: Arrangement) {
    this.writeMoves(viewKey, {});
    this.unsaved.delete(viewKey);
    this.laidOut.delete(viewKey);
    if (this.sharer) {
      this.shared.set(viewKey, {});
      this.sharer.clear(viewKey).catch(() => this.publish({ ...this.snapshot, saving: 'failed' }));
    }
    void this.run(viewKey, nodes, links, arrangement);
  }

  /** Keeps a node where the user put it (also used to place a node created from the palette). */
  move(viewKey: string, id: string, at: XY) {
    const to = { x: Math.round(at.x), y: Math.round(at.y) };
    this.writeMoves(viewKey, { ...this.readMoves(viewKey), [id]: to });
    if (this.sharer) {
      this.unsaved.set(viewKey, { ...this.unsaved.get(viewKey), [id]: to });
      this.schedule(SAVE_DEBOUNCE_MS);
    }
    this.recompose(viewKey);
  }

  /** Saves the moves waiting now (the debounce's end; a test; the page going away). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const sharer = this.sharer;
    if (!sharer || this.unsaved.size === 0) return;
    const batches = [...this.unsaved];
    this.unsaved.clear();
    this.publish({ ...this.snapshot, saving: 'saving' });
    let failed = false;
    for (const [viewKey, batch] of batches) {
      try {
        await sharer.save(viewKey, batch);
        this.shared.set(viewKey, { ...this.shared.get(viewKey), ...batch });
        // Saved: the arrangement has them now. A move made meanwhile (a different place) stays on top.
        const moves = this.readMoves(viewKey);
        for (const [id, at] of Object.entries(batch)) {
          if (moves[id]?.x === at.x && moves[id]?.y === at.y) delete moves[id];
        }
        this.writeMoves(viewKey, moves);
      } catch {
        failed = true;
        this.unsaved.set(viewKey, { ...batch, ...this.unsaved.get(viewKey) });
      }
      this.recompose(viewKey);
    }
    if (failed) this.schedule(RETRY_MS);
    this.publish({ ...this.snapshot, saving: failed ? 'failed' : this.unsaved.size ? 'saving' : 'idle' });
  }

  /** Stops the pending save's timer (the map unmounting); what was waiting is tried once more now. */
  dispose() {
    if (this.timer) void this.flush();
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
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
        ...this.snapshot,
        viewKey,
        status: 'ready',
        ...this.compose(viewKey, result.positions),
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

  /** The current view's positions again after its arrangement or moves changed (not a new layout: no fit). */
  private recompose(viewKey: string) {
    if (this.snapshot.viewKey !== viewKey || this.snapshot.status !== 'ready') return;
    const laidOut = this.laidOut.get(viewKey);
    if (laidOut) this.publish({ ...this.snapshot, ...this.compose(viewKey, laidOut.positions) });
  }

  private compose(viewKey: string, laidOut: Positions): Pick<LayoutSnapshot, 'positions' | 'pinned' | 'arranged'> {
    const arranged = this.shared.has(viewKey);
    const shared = this.shared.get(viewKey) ?? {};
    const moves = this.readMoves(viewKey);
    const pinned = [...Object.keys(shared), ...Object.keys(moves)];
    if (pinned.length === 0) return { positions: laidOut, pinned: NONE, arranged };
    return { positions: { ...laidOut, ...shared, ...moves }, pinned: new Set(pinned), arranged };
  }

  /** The user's moves in the view: kept in memory, backed by the storage so a reload keeps them. */
  private readMoves(viewKey: string): Positions {
    const key = this.movesKey(viewKey);
    let moves = this.moves.get(key);
    if (!moves) {
      try {
        moves = JSON.parse(this.storage?.getItem(key) ?? '{}') as Positions;
      } catch {
        moves = {};
      }
      this.moves.set(key, moves);
    }
    return { ...moves };
  }

  private writeMoves(viewKey: string, moves: Positions) {
    const key = this.movesKey(viewKey);
    this.moves.set(key, moves);
    try {
      if (Object.keys(moves).length) this.storage?.setItem(key, JSON.stringify(moves));
      else this.storage?.removeItem(key);
    } catch {
      // Storage full or refused (private mode): the moves still hold in memory until the page goes.
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
