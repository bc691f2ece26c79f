import type { XY } from '../layout/geometry';

export type Direction = 'up' | 'down' | 'left' | 'right';

/**
 * The node an arrow key moves the selection to: the nearest one whose centre lies in that
 * direction, preferring nodes straight ahead (a sideways offset counts double).
 */
export function nearestInDirection(
  from: XY,
  candidates: readonly { id: string; at: XY }[],
  direction: Direction,
): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    const dx = c.at.x - from.x;
    const dy = c.at.y - from.y;
    const [ahead, aside] =
      direction === 'up' ? [-dy, dx] : direction === 'down' ? [dy, dx] : direction === 'left' ? [-dx, dy] : [dx, dy];
    if (ahead <= 0) continue;
    const score = ahead + 2 * Math.abs(aside);
    if (score < bestScore) {
      bestScore = score;
      best = c.id;
    }
  }
  return best;
}

/** A card on the map by its top-left corner (every card is `NODE_WIDTH` × `NODE_HEIGHT`). */
export interface PlacedCard {
  id: string;
  position: XY;
}

/**
 * The cards of a view in a grid of square cells, so that the card under the pointer is found by
 * looking at a handful of cards, not at 2,000, on every pointer move over the far-zoom picture.
 */
export interface CardIndex {
  cell: number;
  size: { width: number; height: number };
  cells: Map<string, { id: string; x: number; y: number; order: number }[]>;
}

export function indexCards(
  cards: readonly PlacedCard[],
  size: { width: number; height: number },
  cell = 600,
): CardIndex {
  const cells = new Map<string, { id: string; x: number; y: number; order: number }[]>();
  cards.forEach((card, order) => {
    const { x, y } = card.position;
    for (let cx = Math.floor(x / cell); cx <= Math.floor((x + size.width) / cell); cx++) {
      for (let cy = Math.floor(y / cell); cy <= Math.floor((y + size.height) / cell); cy++) {
        const key = `${cx}:${cy}`;
        let bucket = cells.get(key);
        if (!bucket) cells.set(key, (bucket = []));
        bucket.push({ id: card.id, x, y, order });
      }
    }
  });
  return { cell, size, cells };
}

/** The card under a point of the map (in flow coordinates): the one drawn last, as on screen. */
export function cardAt(index: CardIndex, point: XY): string | null {
  const bucket = index.cells.get(`${Math.floor(point.x / index.cell)}:${Math.floor(point.y / index.cell)}`);
  let best: { id: string; order: number } | null = null;
  for (const c of bucket ?? []) {
    const inside =
      point.x >= c.x && point.x <= c.x + index.size.width && point.y >= c.y && point.y <= c.y + index.size.height;
    if (inside && (!best || c.order > best.order)) best = c;
  }
  return best?.id ?? null;
}
