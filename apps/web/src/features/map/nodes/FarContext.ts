import { createContext, useContext } from 'react';

/**
 * Whether the map is zoomed out far enough that a node shows only its kind and key. One value for
 * all nodes, so crossing the threshold re-renders each node once and panning re-renders none.
 */
export const FarContext = createContext(false);

export const useFar = () => useContext(FarContext);
