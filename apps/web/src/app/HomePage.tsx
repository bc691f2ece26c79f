import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { graphViewQuery } from '../api/graph.queries';
import { hasNodesQuery } from '../api/onboarding.queries';
import { MapPage } from '../features/map/MapScreen';
import { useMapUrl, viewParams } from '../features/map/useMapUrl';
import { useSignedIn } from '../features/auth/session';
import { Onboarding } from '../features/onboarding/Onboarding';

/**
 * `/` and `/map`: the map, or for an organisation with nothing in it yet, the welcome. Once the map
 * is shown it stays (deleting the last node does not throw you out of the map).
 */
export function HomePage() {
  // A switch of organisation starts afresh: the other one may be empty.
  return <Home key={useSignedIn().organisation.id} />;
}

function Home() {
  const hasNodes = useQuery(hasNodesQuery());
  // The map's own view (asked for from <head>: boot.js) answers first: a view with a node in it is an
  // organisation with nodes, and the map mounts without waiting for the welcome check (docs/performance.md, "Map").
  const [url] = useMapUrl();
  const view = useQuery(graphViewQuery(viewParams(url)));
  const [mapChosen, setMapChosen] = useState(false);
  const [seenNodes, setSeenNodes] = useState(false);
  if ((hasNodes.data || (view.data?.nodes.length ?? 0) > 0) && !seenNodes) setSeenNodes(true);
  // A moment's blank rather than an empty map that then turns into the welcome (the map's own
  // data is already on its way: main.tsx asked for it before the first render).
  if (hasNodes.isPending && !seenNodes) return <div className="splash" />;
  if (hasNodes.data === false && !mapChosen && !seenNodes) return <Onboarding onDraw={() => setMapChosen(true)} />;
  return <MapPage />;
}
