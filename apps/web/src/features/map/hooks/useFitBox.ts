import { getViewportForBounds, useReactFlow, useStoreApi, type FitViewOptions, type Viewport } from '@xyflow/react';
import { useCallback, useLayoutEffect, useRef } from 'react';
import { NODE_HEIGHT, NODE_WIDTH, type Positions, type XY } from '../layout/geometry';

/** Where something is drawn: its top-left corner, and its size when it is not a card's. */
export type Box = XY & { width?: number; height?: number };

export interface FitBoxOptions {
  padding?: FitViewOptions['padding'];
  minZoom?: number;
  maxZoom?: number;
  duration?: number;
}

/**
 * Frames cards by their positions rather than by React Flow's nodes: over the far-zoom picture
 * React Flow holds only the cards a person is working with (hooks/useFarPicture.ts), so its own
 * `fitView` would frame those and not the view.
 */
export function useFitBox() {
  const store = useStoreApi();
  const { setViewport } = useReactFlow();
  /** The viewport that frames these boxes (a card's size unless a box says its own), or null when there are none. */
  const viewportFor = useCallback(
    (boxes: readonly Box[], { padding = 0.1, minZoom = 0.01, maxZoom = 2 }: FitBoxOptions = {}): Viewport | null => {
      if (boxes.length === 0) return null;
      let left = Infinity;
      let top = Infinity;
      let right = -Infinity;
      let bottom = -Infinity;
      for (const b of boxes) {
        left = Math.min(left, b.x);
        top = Math.min(top, b.y);
        right = Math.max(right, b.x + (b.width ?? NODE_WIDTH));
        bottom = Math.max(bottom, b.y + (b.height ?? NODE_HEIGHT));
      }
      const bounds = { x: left, y: top, width: right - left, height: bottom - top };
      const { width, height } = store.getState();
      return getViewportForBounds(bounds, width, height, minZoom, maxZoom, padding);
    },
    [store],
  );
  const fitBox = useCallback(
    (boxes: readonly Box[], options: FitBoxOptions = {}) => {
      const viewport = viewportFor(boxes, options);
      return viewport ? setViewport(viewport, { duration: options.duration ?? 0 }) : Promise.resolve(false);
    },
    [viewportFor, setViewport],
  );
  return { viewportFor, fitBox };
}

/** `fitView` for the nodes it names, framed by their positions (see `useFitBox`); stable while positions change. */
export function useFitNodes(positions: Positions) {
  const { fitBox } = useFitBox();
  const latest = useRef(positions);
  useLayoutEffect(() => {
    latest.current = positions;
  }, [positions]);
  return useCallback(
    (options: FitViewOptions) => {
      const ids = options.nodes?.map((n) => n.id) ?? Object.keys(latest.current);
      const corners = ids.map((id) => latest.current[id]).filter((p): p is XY => p !== undefined);
      return fitBox(corners, options);
    },
    [fitBox],
  );
}
