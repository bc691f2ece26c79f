import { TREE_GAP, type XY } from './geometry';

/** The shape the packed trees aim for: a wide screen. */
const ASPECT = 16 / 9;

/** Anything packed: a laid-out tree of blocks, by its size. */
export interface Packable {
  width: number;
  height: number;
}

/**
 * Where each tree goes: themed trees first, in the themes' order; the unlinked ones below them.
 * Two arrangements are tried at every size — shelves (rows of trees) and columns (each tree into
 * the shortest column) — and the one that fits a wide screen at the largest zoom, with the least
 * empty space, wins: a map that opens readable, not a strip.
 */
export function packShelves<T extends Packable>(themed: T[], unlinked: T[]): Map<T, XY> {
  const all = [...themed, ...unlinked];
  const widest = Math.max(...all.map((t) => t.width));
  const candidates: { offsets: Map<T, XY>; width: number; height: number }[] = [];
  // Shelf widths worth trying: the width of every run of consecutive trees (any shelf's exact width).
  const widths = new Set<number>([widest]);
  for (const group of [themed, unlinked]) {
    const starts = group.length <= 60 ? group.length : 1; // beyond that, runs from the first tree only
    for (let i = 0; i < starts; i++) {
      let run = -TREE_GAP;
      for (const t of group.slice(i)) {
        run += t.width + TREE_GAP;
        if (run >= widest) widths.add(run);
      }
    }
  }
  for (const width of widths) candidates.push(shelve(themed, unlinked, width));
  for (let columns = 2; columns <= Math.min(themed.length, 8); columns++) {
    candidates.push(columnise(themed, unlinked, columns));
  }
  // Fit zoom first; among arrangements within 5% of the best zoom, the most compact (least empty space).
  const scale = (c: { width: number; height: number }) => Math.min(ASPECT / c.width, 1 / c.height);
  const top = Math.max(...candidates.map(scale));
  return candidates
    .filter((c) => scale(c) >= top * 0.95)
    .reduce((best, c) => (c.width * c.height < best.width * best.height ? c : best)).offsets;
}

/** The themed trees in `count` columns, each next tree into the shortest; the unlinked ones shelved below. */
function columnise<T extends Packable>(themed: T[], unlinked: T[], count: number) {
  const columns = Array.from({ length: count }, () => ({ trees: [] as T[], height: -TREE_GAP, width: 0 }));
  for (const tree of themed) {
    const column = columns.reduce((a, b) => (b.height < a.height ? b : a));
    column.trees.push(tree);
    column.height += tree.height + TREE_GAP;
    column.width = Math.max(column.width, tree.width);
  }
  const offsets = new Map<T, XY>();
  let x = 0;
  let height = 0;
  for (const column of columns) {
    let y = 0;
    for (const tree of column.trees) {
      offsets.set(tree, { x, y });
      y += tree.height + TREE_GAP;
    }
    if (column.trees.length) x += column.width + TREE_GAP;
    height = Math.max(height, column.height);
  }
  const width = Math.max(0, x - TREE_GAP);
  const below = shelve([], unlinked, Math.max(width, ...unlinked.map((t) => t.width)));
  const top = height + TREE_GAP;
  for (const [tree, at] of below.offsets) offsets.set(tree, { x: at.x, y: at.y + top });
  return {
    offsets,
    width: Math.max(width, below.width),
    height: unlinked.length ? top + below.height : height,
  };
}

/** The trees in shelves (rows) of at most `target` wide, the themed ones first, the unlinked ones on shelves of their own. */
function shelve<T extends Packable>(themed: T[], unlinked: T[], target: number) {
  const offsets = new Map<T, XY>();
  let x = 0;
  let y = 0;
  let shelfHeight = 0;
  let width = 0;
  const newShelf = () => {
    y += shelfHeight + TREE_GAP;
    x = 0;
    shelfHeight = 0;
  };
  for (const group of [themed, unlinked]) {
    if (x > 0) newShelf();
    for (const tree of group) {
      if (x > 0 && x + tree.width > target) newShelf();
      offsets.set(tree, { x, y });
      width = Math.max(width, x + tree.width);
      x += tree.width + TREE_GAP;
      shelfHeight = Math.max(shelfHeight, tree.height);
    }
  }
  return { offsets, width, height: y + shelfHeight };
}
