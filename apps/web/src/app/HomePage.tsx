import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { hasNodesQuery } from '../api/onboarding.queries';
import { MapPage } from '../features/map/MapScreen';
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
  const [mapChosen, setMapChosen] = useState(false);
  const [seenNodes, setSeenNodes] = useState(false);
  if (hasNodes.data && !seenNodes) setSeenNodes(true);
  // A moment's blank rather than an empty map that then turns into the welcome (the map's own
  // data is already on its way: main.tsx asked for it before the first render).
  if (hasNodes.isPending && !seenNodes) return <div className="splash" />;
  if (hasNodes.data === false && !mapChosen && !seenNodes) return <Onboarding onDraw={() => setMapChosen(true)} />;
  return <MapPage />;
}
