import { createContext, useContext } from 'react';

/** What a node may ask the map to do. The functions are stable for the map's lifetime. */
export interface MapActions {
  /** Open the chain of a collapsed strategy node (a strategy view expands on demand). */
  expand: (nodeId: string) => void;
}

const noop: MapActions = { expand: () => undefined };

export const MapActionsContext = createContext<MapActions>(noop);

export const useMapActions = () => useContext(MapActionsContext);
