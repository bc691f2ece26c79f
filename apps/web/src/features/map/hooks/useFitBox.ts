import { getViewportForBounds, useReactFlow, useStoreApi, type FitViewOptions, type Viewport } from '@xyflow/react';
import { useCallback, useLayoutEffect, useRef } from 'react';
import { NODE_HEIGHT, NODE_WIDTH, type Positions, type XY } from '../layout/geometry';

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
  /** The viewport that frames these cards, or null when there are none. */
  const viewportFor = useCallback(
    (corners: readonly XY[], { padding = 0.1, minZoom = 0.01, maxZoom = 2 }: FitBoxOptions = {}): Viewport | null => {
      if (corners.length === 0) return null;
      const xs = corners.map((c) => c.x);
      const ys = corners.map((c) => c.y);
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      const bounds = { x, y, width: Math.max(...xs) + NODE_WIDTH - x, height: Math.max(...ys) + NODE_HEIGHT - y };
      const { width, height } = store.getState();
      return getViewportForBounds(bounds, width, height, minZoom, maxZoom, padding);
    },
    [store],
  );
  const fitBox = useCallback(
    (corners: readonly XY[], options: FitBoxOptions = {}) => {
      const viewport = viewportFor(corners, options);
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
