import type { GraphNode, GraphLink } from '@throughline/domain';
import { NODE_HEIGHT, NODE_WIDTH, ROW_GAP, type Positions, type XY } from '../layout/geometry';
import { besideNeighbours, findFree, nearestFree, Occupancy, SEARCH_RINGS } from './freeSpots';
import { GroupRooms, type GroupFrames } from './groupRooms';

export { besideNeighbours, findFree, nearestFree, Occupancy } from './freeSpots';
export type { Frame, GroupFrames, Rect } from './groupRooms';

/**
 * Placement (issue 11): where nodes the automatic layout has not placed go, and how the map re-flows around
 * positions people set, without a new layout. Pure functions: the layout store and `useMapLayout` call them.
 */

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
        ? placeGrouped(node.id, wanted, rooms, occupied, !!hint && !besideNeighbours(node.id, drawnLinks, out))
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

/** How far (in half cards) a card with no box to join looks for room clear of every box: thirty cards each way. */
const WIDE_RINGS = 60;
/** How far a card just made looks for such room before staying beside where it was made: two cards each way. */
const NEAR_RINGS = 4;

/**
 * Where a new card of a grouped map goes: in line with its group's cards; else anywhere that keeps to its box (grown
 * to hold it); else, with no room that does, the nearest free spot all the same (the box grows over its neighbour).
 * A card with no box to join (in no group, or the first of its group) goes clear of every box. One just made on the
 * map goes there only if that is within two cards of where it was made; else it stays beside that spot all the same,
 * in sight of the person who made it, among the boxes (its link, offered at once, takes it into its box). One placed
 * by its links looks further for room, else goes on the shelf under everything (null) rather than into another box.
 */
function placeGrouped(id: string, wanted: XY, rooms: GroupRooms, occupied: Occupancy, made: boolean): XY | null {
  const fits = (at: XY) => rooms.fits(id, at);
  if (!rooms.hasBox(id))
    return made
      ? (findFree(wanted, occupied, NEAR_RINGS, undefined, fits) ?? findFree(wanted, occupied, SEARCH_RINGS))
      : findFree(wanted, occupied, WIDE_RINGS, undefined, fits);
  return (
    rooms.aligned(id, wanted, occupied) ??
    findFree(wanted, occupied, SEARCH_RINGS, undefined, fits) ??
    findFree(wanted, occupied, SEARCH_RINGS)
  );
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
