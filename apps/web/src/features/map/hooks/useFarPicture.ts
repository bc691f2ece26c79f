import { useReactFlow, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '../layout/geometry';
import { isCard } from '../model/farPicture';
import { cardAt, indexCards } from '../model/spatial';
import type { MapNode } from '../nodes/types';

/**
 * From this many cards, a zoomed-out view is drawn as one picture (nodes/FarPicture.tsx) instead of
 * a card per node: below it, cards pan at the machine's floor anyway (docs/performance.md, "Map").
 */
export const PICTURE_MIN_CARDS = 300;

const SIZE = { width: NODE_WIDTH, height: NODE_HEIGHT };
const selectLinkingFrom = (s: ReactFlowState) => (s.connection.inProgress ? s.connection.fromNode.id : null);

/**
 * A large view zoomed out: `FarPicture` draws every card as one picture, and React Flow is given only
 * the cards a person is working with — the card under the pointer, the selected one, one being
 * dragged — as real cards over the picture, so hovering, clicking, dragging a link from a card's edge
 * or moving it work as on any card. Clicks that land on the picture before its card is up are found
 * by position (`cardAt`). (Handing React Flow the other 2,000 as hidden nodes still cost a wrapper,
 * hooks and a store subscription each: seconds of the time to interactive.) Fitting the view is done
 * by positions for the same reason (hooks/useFitBox.ts).
 */
export function useFarPicture(nodes: MapNode[], enabled: boolean) {
  const { screenToFlowPosition } = useReactFlow();
  const store = useStoreApi();
  const [hovered, setHovered] = useState<string | null>(null);
  // The card a link is being dragged from stays real until the drop, wherever the pointer goes.
  const linkingFrom = useStore(selectLinkingFrom);
  const index = useMemo(() => (enabled ? indexCards(nodes.filter(isCard), SIZE) : null), [enabled, nodes]);
  const shown = useMemo(
    () =>
      enabled
        ? nodes.filter((n) => !isCard(n) || n.selected || n.dragging || n.id === hovered || n.id === linkingFrom)
        : nodes,
    [enabled, nodes, hovered, linkingFrom],
  );

  /** The card at a point of the screen, if the picture is drawn and one is there. */
  const cardAtPoint = useCallback(
    (clientX: number, clientY: number) =>
      index ? cardAt(index, screenToFlowPosition({ x: clientX, y: clientY })) : null,
    [index, screenToFlowPosition],
  );

  // The pointer's card, once per frame at most; not while the pane is dragged (a pan), but while a
  // link is (its target must become a real card to be dropped on).
  const frame = useRef<number | null>(null);
  const at = useRef({ x: 0, y: 0 });
  const onPointerMove = useCallback(
    (event: PointerEvent) => {
      if (!index) return;
      if (event.buttons !== 0 && !store.getState().connection.inProgress) return;
      at.current = { x: event.clientX, y: event.clientY };
      frame.current ??= requestAnimationFrame(() => {
        frame.current = null;
        setHovered(cardAtPoint(at.current.x, at.current.y));
      });
    },
    [index, store, cardAtPoint],
  );
  const onPointerLeave = useCallback(() => setHovered(null), []);
  useEffect(() => () => void (frame.current !== null && cancelAnimationFrame(frame.current)), []);

  return { shown, cardAtPoint, onPointerMove, onPointerLeave };
}
