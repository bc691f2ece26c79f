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
