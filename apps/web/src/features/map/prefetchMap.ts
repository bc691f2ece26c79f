import type { QueryClient } from '@tanstack/react-query';
import { graphViewQuery } from '../../api/graph.queries';
import { prewarmLayout } from './layout/layoutClient';
import { parseMapUrl, viewParams } from './useMapUrl';

/**
 * Called before React first renders: asks for the URL's view and starts the layout worker at once,
 * so both overlap the rest of start-up instead of waiting for the map to mount.
 */
export function prefetchMap(client: QueryClient) {
  prewarmLayout();
  void client.prefetchQuery(graphViewQuery(viewParams(parseMapUrl(new URLSearchParams(window.location.search)))));
}
