import { useEffect, useRef } from 'react';

/**
 * Listens to key presses on the whole window with the handler of the latest render: one listener
 * for the component's life, never a stale closure.
 */
export function useWindowKeydown(handler: (event: KeyboardEvent) => void) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => latest.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
