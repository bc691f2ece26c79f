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
const SEARCH_RINGS = 20;

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

/** A rectangle on the map (flow units). */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The room a group's box keeps around its cards: its header above, padding on the other sides. */
export interface Frame {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A grouped map (model/groups.ts): each grouped node's group, and how a box frames its cards. */
export interface GroupFrames {
  groupOf: ReadonlyMap<string, string>;
  frame: Frame;
}

/** Air kept between a box that grows to hold a new card and the boxes and cards around it. */
const BOX_CLEARANCE = 40;

const intersects = (a: Rect, b: Rect, gap = 0) =>
  a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;

const cardRect = (at: XY): Rect => ({ left: at.x, top: at.y, right: at.x + NODE_WIDTH, bottom: at.y + NODE_HEIGHT });

const union = (a: Rect, b: Rect): Rect => ({
  left: Math.min(a.left, b.left),
  top: Math.min(a.top, b.top),
  right: Math.max(a.right, b.right),
  bottom: Math.max(a.bottom, b.bottom),
});

const framed = (cards: Rect, f: Frame): Rect => ({
  left: cards.left - f.left,
  top: cards.top - f.top,
  right: cards.right + f.right,
  bottom: cards.bottom + f.bottom,
});

/**
 * The groups' boxes while new cards are placed into them (issue 11): a card goes inside its own group's box,
 * which may grow to hold it but never into another box or onto a card outside any box; a card in no group goes
 * outside every box.
 */
class GroupRooms {
  /** Each group's cards' extent (without its frame). */
  private readonly cards = new Map<string, Rect>();
  /** Where the cards in no group are. */
  private readonly loose: Rect[] = [];

  constructor(
    private readonly groups: GroupFrames,
    positions: Positions,
    ids: readonly string[],
  ) {
    for (const id of ids) this.add(id, positions[id]);
  }

  add(id: string, at: XY) {
    const group = this.groups.groupOf.get(id);
    const card = cardRect(at);
    if (!group) {
      this.loose.push(card);
      return;
    }
    const had = this.cards.get(group);
    this.cards.set(group, had ? union(had, card) : card);
  }

  /**
   * Where a new node wants to be: beside its placed neighbours in its own group (else any placed neighbours,
   * else where it was made), brought inside its group's box if that is elsewhere; a group's last row when it has
   * nothing to go by. Null when it is in no box and has nothing to go by.
   */
  wanted(
    id: string,
    links: readonly GraphLink[],
    positions: Positions,
    hint: XY | undefined,
    waitFor: ReadonlySet<string>,
  ): XY | null {
    const group = this.groups.groupOf.get(id);
    const inGroup = group ? (other: string) => this.groups.groupOf.get(other) === group : undefined;
    const near =
      (inGroup && besideNeighbours(id, links, positions, inGroup)) ?? besideNeighbours(id, links, positions) ?? hint;
    const box = group ? this.cards.get(group) : undefined;
    if (!box) return near ?? null;
    // Linked to a new node that is still to be placed: beside it, once it is.
    if (!near && links.some((l) => (l.from === id && waitFor.has(l.to)) || (l.to === id && waitFor.has(l.from))))
      return null;
    const at = near ?? { x: box.left, y: box.bottom - NODE_HEIGHT };
    // Within the box, or one card beyond its edge (where it grows to hold it).
    return {
      x: Math.min(Math.max(at.x, box.left - COLUMN), box.right - NODE_WIDTH + COLUMN),
      y: Math.min(Math.max(at.y, box.top - ROW), box.bottom - NODE_HEIGHT + ROW),
    };
  }

  /** Whether a card of `id` at `at` keeps to its own box (grown to hold it, clear of the others). */
  fits(id: string, at: XY): boolean {
    const group = this.groups.groupOf.get(id);
    const card = cardRect(at);
    const { frame } = this.groups;
    if (!group) {
      for (const cards of this.cards.values()) if (intersects(card, framed(cards, frame), BOX_CLEARANCE)) return false;
      return true;
    }
    const had = this.cards.get(group);
    if (had && card.left >= had.left && card.right <= had.right && card.top >= had.top && card.bottom <= had.bottom)
      return true; // inside its box as it is: nothing grows
    const before = had ? framed(had, frame) : null;
    const after = framed(had ? union(had, card) : card, frame);
    // Only what the box would newly cover counts: two boxes someone dragged into each other are left as they are.
    const newlyHits = (other: Rect) =>
      intersects(after, other, BOX_CLEARANCE) && !(before && intersects(before, other));
    for (const [other, cards] of this.cards) if (other !== group && newlyHits(framed(cards, frame))) return false;
    for (const card of this.loose) if (newlyHits(card)) return false;
    return true;
  }
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
  /** A grouped map: a new node goes inside its group's box, which grows to hold it, and into no other. */
  groups?: GroupFrames;
  /** Where a node made on the map was asked to go (beside the node selected then), until a link places it. */
  hints?: Positions;
}

/**
 * The map re-flowed incrementally, without a new layout:
 * 1. a drawn node without a position goes next to its placed neighbours (`besideNeighbours`), in the nearest free
 *    spot; nodes placed so become neighbours for the next (a new project under a new key result under an
 *    objective). One with no placed neighbour goes in a row under everything, as before.
 * 2. an automatically placed node that overlaps a pinned one (a PMO put a card where the layout put another) is
 *    nudged to the nearest free spot. A pinned node is never moved.
 * Grouped (`groups`), a new node goes inside its own group's box, beside what it is linked to there: in a free spot
 * inside the box, else just outside its edge, where the box can grow to hold it without reaching another box or a
 * card outside the boxes. A node in no group goes clear of every box. A node made on the map with nothing to go by
 * yet goes where it was made (`hints`).
 * Answers `positions` itself when nothing moved, so nothing downstream re-renders.
 */
export function arrange({ nodes, links, positions, pinned, groups, hints }: ArrangeInput): Positions {
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
  const rooms = groups ? new GroupRooms(groups, out, drawnIds) : null;
  const shelf: GraphNode[] = [];
  let waiting = missing;
  // Grouped, a node linked to another new one waits for it; when none of them can, they stop waiting.
  let patient = true;
  while (waiting.length) {
    const next: GraphNode[] = [];
    const unplaced = new Set(patient ? waiting.map((n) => n.id) : []);
    for (const node of waiting) {
      const hint = hints?.[node.id];
      const wanted = rooms
        ? rooms.wanted(node.id, drawnLinks, out, hint, unplaced)
        : (besideNeighbours(node.id, drawnLinks, out) ?? hint ?? null);
      if (!wanted) {
        next.push(node); // nothing placed beside it yet: perhaps after this round
        continue;
      }
      const spot = rooms
        ? // No room that keeps to its box: the nearest free spot all the same (the box grows over its neighbour).
          (findFree(wanted, occupied, SEARCH_RINGS, undefined, (at) => rooms.fits(node.id, at)) ??
          findFree(wanted, occupied, SEARCH_RINGS))
        : findFree(wanted, occupied, SEARCH_RINGS);
      if (!spot) {
        shelf.push(node); // no room near its neighbours
        continue;
      }
      out[node.id] = spot;
      occupied.add(node.id, spot);
      rooms?.add(node.id, spot);
    }
    if (next.length === waiting.length) {
      if (rooms && patient) {
        patient = false;
        continue;
      }
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
