import type { QueryClient } from '@tanstack/react-query';
import { businessUnitsQuery } from '../../api/businessUnits.queries';
import { adoptEarly } from '../../api/earlyRequests';
import { graphViewPath, graphViewQuery } from '../../api/graph.queries';
import { mapLayoutQuery } from '../../api/mapLayouts.queries';
import { hasNodesQuery } from '../../api/onboarding.queries';
import { prewarmLayout } from './layout/layoutClient';
import { parseMapUrl, viewKey, viewParams } from './useMapUrl';

/**
 * Called before React first renders: asks for everything the map waits on before it can be laid out
 * — the URL's view, whether the organisation has any node (the home page's welcome check), the
 * business units and the view's shared arrangement — and starts the layout worker at once, so all of
 * it overlaps the rest of start-up instead of starting one after another as each part mounts (on a
 * 60,000-node organisation the map mounted ~1.1 s after its view had arrived: docs/performance.md, "Map").
 */
export function prefetchMap(client: QueryClient) {
  prewarmLayout();
  const url = parseMapUrl(new URLSearchParams(window.location.search));
  // The view's request, as `boot.js` already started it from <head> (earlyGraphPath.ts): adopted, not asked again.
  const view = graphViewQuery(viewParams(url));
  void client.prefetchQuery({
    ...view,
    queryFn: (context) => adoptEarly(graphViewPath(viewParams(url)), () => view.queryFn!(context)),
  });
  void client.prefetchQuery(hasNodesQuery());
  void client.prefetchQuery(businessUnitsQuery());
  void client.prefetchQuery(mapLayoutQuery(viewKey(url)));
}
