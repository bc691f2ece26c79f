/**
 * The map's geometry, apart from the layout itself so that the page can use it without loading
 * the layout's code (which only the layout worker loads).
 */

/** Every node on the map has this size, so the layout never waits for the DOM to measure. */
export const NODE_WIDTH = 260;
export const NODE_HEIGHT = 120;
/** Gaps between the nodes of one block, between rows, and between whole trees. */
export const GAP_X = 28;
export const GAP_Y = 24;
export const ROW_GAP = 80;
export const TREE_GAP = 160;

export interface XY {
  x: number;
  y: number;
}

export type Positions = Record<string, XY>;
