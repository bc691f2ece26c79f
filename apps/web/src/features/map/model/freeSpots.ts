import type { GraphLink } from '@throughline/domain';
import { GAP_X, NODE_HEIGHT, NODE_WIDTH, ROW_GAP, type Positions, type XY } from '../layout/geometry';

/** Free spots on the map for one more card, and where a card wants to be beside its neighbours (model/placement.ts). */

/** Two nodes closer than this (on both axes) overlap: a card and a little air. */
const CLEAR_X = NODE_WIDTH + 16;
const CLEAR_Y = NODE_HEIGHT + 16;
/** One row down (what serves a node hangs below it) or one column across (a dependency sits beside it). */
export const ROW = NODE_HEIGHT + ROW_GAP;
export const COLUMN = NODE_WIDTH + GAP_X;

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

/** As `nearestFree`, but null when no spot within `maxRings` is free (and, given `fits`, fits). */
export function findFree(
  wanted: XY,
  occupied: Occupancy,
  maxRings: number,
  except?: string,
  fits: (at: XY) => boolean = () => true,
): XY | null {
  const ok = (at: XY) => occupied.isFree(at, except) && fits(at);
  if (ok(wanted)) return wanted;
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
    const spot = spots.find(ok);
    if (spot) return spot;
  }
  return null;
}

/** How far (in half cards) a placement looks for room before giving up: ten cards each way. */
export const SEARCH_RINGS = 20;

/**
 * Where a node wants to be next to its placed neighbours: below what it serves (a project under its objective or
 * key result), above what serves it, beside what it depends on or what depends on it; the mean when it has several.
 * Null when no neighbour is placed.
 */
export function besideNeighbours(
  id: string,
  links: readonly GraphLink[],
  positions: Positions,
  counts: (other: string) => boolean = () => true,
): XY | null {
  let x = 0;
  let y = 0;
  let count = 0;
  for (const link of links) {
    const other = link.from === id ? link.to : link.to === id ? link.from : null;
    if (other === null || other === id || !counts(other)) continue;
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
