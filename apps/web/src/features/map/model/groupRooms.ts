import type { GraphLink } from '@throughline/domain';
import { NODE_HEIGHT, NODE_WIDTH, type Positions, type XY } from '../layout/geometry';
import { COLUMN, ROW, besideNeighbours, type Occupancy } from './freeSpots';

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

/** How far from where it wants to be a new card may go to stand in line with its group's cards. */
const ALIGNED_REACH = 2.5 * COLUMN;

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
export class GroupRooms {
  /** Each group's cards' extent (without its frame). */
  private readonly cards = new Map<string, Rect>();
  /** Where the cards in no group are. */
  private readonly loose: Rect[] = [];
  /** Each group's columns and rows: the x and y its cards stand at. */
  private readonly columns = new Map<string, Set<number>>();
  private readonly rows = new Map<string, Set<number>>();

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
    for (const [lines, value] of [
      [this.columns, at.x],
      [this.rows, at.y],
    ] as const) {
      const set = lines.get(group) ?? new Set<number>();
      set.add(value);
      lines.set(group, set);
    }
  }

  /**
   * The free spot nearest `wanted` in line with its group's cards (one of their columns and rows, or one beyond the
   * box's edge), as a person would put it, if one is near enough (two and a half cards); else null.
   */
  aligned(id: string, wanted: XY, occupied: Occupancy): XY | null {
    const group = this.groups.groupOf.get(id);
    const box = group ? this.cards.get(group) : undefined;
    if (!group || !box) return null;
    const xs = [...this.columns.get(group)!, box.left - COLUMN, box.right - NODE_WIDTH + COLUMN];
    const ys = [...this.rows.get(group)!, box.top - ROW, box.bottom - NODE_HEIGHT + ROW];
    const spots: { at: XY; distance: number }[] = [];
    for (const x of xs)
      for (const y of ys) {
        const distance = Math.hypot(x - wanted.x, y - wanted.y);
        if (distance <= ALIGNED_REACH) spots.push({ at: { x, y }, distance });
      }
    spots.sort((a, b) => a.distance - b.distance || b.at.y - a.at.y || b.at.x - a.at.x);
    return spots.find((s) => occupied.isFree(s.at) && this.fits(id, s.at))?.at ?? null;
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

  /** Whether the node's group has a box already (placed cards), which a new card of it joins. */
  hasBox(id: string): boolean {
    const group = this.groups.groupOf.get(id);
    return !!group && this.cards.has(group);
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
