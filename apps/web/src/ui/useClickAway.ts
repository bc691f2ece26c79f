import { useEffect, useRef, type RefObject } from 'react';

/**
 * Calls `onAway` when a pointer goes down outside `ref`'s element while `active`: how a menu, a drop-down or a panel
 * closes, as a native select does. Listened to in the capture phase, so a press the map or a dialog handles (and
 * may stop) still closes it; always with the `onAway` of the latest render.
 */
export function useClickAway(ref: RefObject<Element | null>, active: boolean, onAway: () => void) {
  const latest = useRef(onAway);
  useEffect(() => {
    latest.current = onAway;
  });
  useEffect(() => {
    if (!active) return;
    const away = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) latest.current();
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [ref, active]);
}
