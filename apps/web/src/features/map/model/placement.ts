import type { GraphLink, GraphNode } from '@throughline/domain';
import { GAP_X, NODE_HEIGHT, NODE_WIDTH, ROW_GAP, type Positions, type XY } from '../layout/geometry';

/**
 * Placement (issue 11): where nodes the automatic layout has not placed go, and how the map re-flows around
 * positions people set, without a new layout. Pure functions: the layout store and `useMapLayout` call them.
 */

/** Two nodes closer than this (on both axes) overlap: a card and a little air. */
const CLEAR_X = NODE_WIDTH + 16;
const CLEAR_Y = NODE_HEIGHT + 16;
/** One row down (what serves a node hangs below it) or one column across (a dependency sits beside it). */
const ROW = NODE_HEIGHT + ROW_GAP;
const COLUMN = NODE_WIDTH + GAP_X;

/**
 * The nodes on the map, bucketed on a grid of one card's size: whether a spot is free looks at the nine cells
 * around it, not at every node (a 2,000-node view, once per candidate spot).
 */
export class Occupancy {
  private readonly cells = new Map<number, Map<string, XY>>();

  constructor(positions: Positions = {}, ids: Iterable<string> = Object.keys(positions)) {
    for (const id of ids) {
      const at = positions[id];
      if (at) this.add(id, at);
    }
  }

  add(id: string, at: XY) {
    const key = cellOf(at);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = new Map<string, XY>();
      this.cells.set(key, cell);
    }
    cell.set(id, at);
  }

  remove(id: string, at: XY) {
    this.cells.get(cellOf(at))?.delete(id);
  }

  /** The ids of the nodes a card at `at` would overlap (but `except`). */
  overlapping(at: XY, except?: string): string[] {
    const out: string[] = [];
    const cx = Math.floor(at.x / CLEAR_X);
    const cy = Math.floor(at.y / CLEAR_Y);
    for (let i = cx - 1; i <= cx + 1; i++) {
      for (let j = cy - 1; j <= cy + 1; j++) {
        const cell = this.cells.get(cellKey(i, j));
        if (!cell) continue;
        for (const [id, q] of cell) {
          if (id !== except && Math.abs(q.x - at.x) < CLEAR_X && Math.abs(q.y - at.y) < CLEAR_Y) out.push(id);
        }
      }
    }
    return out;
  }

  isFree(at: XY, except?: string): boolean {
    return this.overlapping(at, except).length === 0;
  }
}

function cellOf(at: XY): number {
  return cellKey(Math.floor(at.x / CLEAR_X), Math.floor(at.y / CLEAR_Y));
}

/** A cell's number (not a string: a placement looks up thousands). Coordinates are within ±1e6: ±3,700 cells. */
function cellKey(i: number, j: number): number {
  return (i + 32_768) * 65_536 + (j + 32_768);
}

/**
 * The free place nearest `wanted` for one more card: rings of candidate spots around it, half a card apart, the
 * nearest that overlaps nothing; `wanted` itself when none within `maxRings` is.
 */
export function nearestFree(wanted: XY, occupied: Occupancy, maxRings = 12, except?: string): XY {
  return findFree(wanted, occupied, maxRings, except) ?? wanted;
}

/** As `nearestFree`, but null when no spot within `maxRings` is free. */
export function findFree(wanted: XY, occupied: Occupancy, maxRings: number, except?: string): XY | null {
  if (occupied.isFree(wanted, except)) return wanted;
  const stepX = CLEAR_X / 2;
  const stepY = CLEAR_Y / 2;
  for (let ring = 1; ring <= maxRings; ring++) {
    const spots: XY[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) === ring)
          spots.push({ x: wanted.x + i * stepX, y: wanted.y + j * stepY });
      }
    }
    // Nearest first; at equal distance, below before above and right before left (what serves hangs below).
    spots.sort(
      (a, b) =>
        Math.hypot(a.x - wanted.x, a.y - wanted.y) - Math.hypot(b.x - wanted.x, b.y - wanted.y) ||
        b.y - a.y ||
        b.x - a.x,
    );
    const spot = spots.find((s) => occupied.isFree(s, except));
    if (spot) return spot;
  }
  return null;
}

/** How far (in half cards) a placement looks for room before giving up: ten cards each way. */
const SEARCH_RINGS = 20;

/**
 * Where a node wants to be next to its placed neighbours: below what it serves (a project under its objective or
 * key result), above what serves it, beside what it depends on or what depends on it; the mean when it has several.
 * Null when no neighbour is placed.
 */
export function besideNeighbours(id: string, links: readonly GraphLink[], positions: Positions): XY | null {
  let x = 0;
  let y = 0;
  let count = 0;
  for (const link of links) {
    const other = link.from === id ? link.to : link.to === id ? link.from : null;
    if (other === null || other === id) continue;
    const at = positions[other];
    if (!at) continue;
    if (link.kind === 'depends_on') {
      x += at.x + COLUMN;
      y += at.y;
    } else {
      x += at.x;
      y += at.y + (link.from === id ? ROW : -ROW);
    }
    count++;
  }
  return count ? { x: Math.round(x / count), y: Math.round(y / count) } : null;
}

export interface ArrangeInput {
  /** The nodes drawn. */
  nodes: readonly GraphNode[];
  /** The links drawn. */
  links: readonly GraphLink[];
  /** Where each node is: the automatic layout with the set positions on top. */
  positions: Positions;
  /** The nodes whose position a person set (the organisation's arrangement, the user's own moves): never moved. */
  pinned: ReadonlySet<string>;
}

/**
 * The map re-flowed incrementally, without a new layout:
 * 1. a drawn node without a position goes next to its placed neighbours (`besideNeighbours`), in the nearest free
 *    spot; nodes placed so become neighbours for the next (a new project under a new key result under an
 *    objective). One with no placed neighbour goes in a row under everything, as before.
 * 2. an automatically placed node that overlaps a pinned one (a PMO put a card where the layout put another) is
 *    nudged to the nearest free spot. A pinned node is never moved.
 * Answers `positions` itself when nothing moved, so nothing downstream re-renders.
 */
export function arrange({ nodes, links, positions, pinned }: ArrangeInput): Positions {
  const missing = nodes.filter((n) => !positions[n.id]);
  const drawnIds = nodes.filter((n) => positions[n.id]).map((n) => n.id);
  const pinnedDrawn = drawnIds.filter((id) => pinned.has(id));
  if (missing.length === 0 && pinnedDrawn.length === 0) return positions;
  const pinnedOnly = new Occupancy(positions, pinnedDrawn);
  const nudged = pinnedDrawn.length
    ? drawnIds.filter((id) => !pinned.has(id) && !pinnedOnly.isFree(positions[id], id))
    : [];
  if (missing.length === 0 && nudged.length === 0) return positions;

  const out: Positions = { ...positions };
  const occupied = new Occupancy(out, drawnIds);
  // Step 2 first: the pinned nodes' places are taken before anything else looks for room.
  for (const id of nudged) {
    occupied.remove(id, out[id]);
    out[id] = nearestFree(out[id], occupied, SEARCH_RINGS, id);
    occupied.add(id, out[id]);
  }
  const drawnLinks = links.filter((l) => l.from !== l.to);
  const shelf: GraphNode[] = [];
  let waiting = missing;
  while (waiting.length) {
    const next: GraphNode[] = [];
    for (const node of waiting) {
      const wanted = besideNeighbours(node.id, drawnLinks, out);
      if (!wanted) {
        next.push(node); // nothing placed beside it yet: perhaps after this round
        continue;
      }
      const spot = findFree(wanted, occupied, SEARCH_RINGS);
      if (!spot) {
        shelf.push(node); // no room near its neighbours
        continue;
      }
      out[node.id] = spot;
      occupied.add(node.id, spot);
    }
    if (next.length === waiting.length) {
      shelf.push(...next); // none of the rest has a placed neighbour
      break;
    }
    waiting = next;
  }
  return shelf.length ? shelve(shelf, out, occupied) : out;
}

/** Nodes with nothing placed to stand beside (or no room beside it): in a row under everything, so nothing jumps. */
function shelve(nodes: readonly GraphNode[], positions: Positions, occupied: Occupancy): Positions {
  const placed = Object.values(positions);
  const bottom = placed.length ? Math.max(...placed.map((p) => p.y)) + NODE_HEIGHT + ROW_GAP : 0;
  const left = placed.length ? Math.min(...placed.map((p) => p.x)) : 0;
  nodes.forEach((n, i) => {
    positions[n.id] = { x: left + i * (NODE_WIDTH + 28), y: bottom };
    occupied.add(n.id, positions[n.id]);
  });
  return positions;
}
