import {
  getBezierPath,
  useConnection,
  useStore,
  type ConnectionLineComponentProps,
  type ReactFlowState,
} from '@xyflow/react';

/** The line drawn while dragging a new link: red once it is over a handle that refuses it. */
export function ConnectionLine({
  fromX,
  fromY,
  toX,
  toY,
  fromPosition,
  toPosition,
  connectionStatus,
}: ConnectionLineComponentProps) {
  const [path] = getBezierPath({
    sourceX: fromX,
    sourceY: fromY,
    sourcePosition: fromPosition,
    targetX: toX,
    targetY: toY,
    targetPosition: toPosition,
  });
  return <path className={`tl-connection-line is-${connectionStatus ?? 'open'}`} d={path} fill="none" />;
}

/** The id of the map node under a point of the screen: a card's element, else what `fallback` finds there. */
export function nodeIdAt(x: number, y: number, fallback?: (x: number, y: number) => string | null): string | null {
  const element = document.elementFromPoint(x, y)?.closest('.react-flow__node');
  return element?.getAttribute('data-id') ?? fallback?.(x, y) ?? null;
}

const selectDomNode = (s: ReactFlowState) => s.domNode;

/**
 * While a link is dragged over a node — its handle or anywhere on its body — what dropping it there
 * would do, or why it would be refused, follows the pointer.
 */
export function ConnectionHint({
  explain,
  describe,
  cardAt,
}: {
  explain: (from: string, to: string) => string | null;
  describe: (from: string, to: string) => string;
  /** A card drawn in the far-zoom picture, by screen point (hooks/useFarPicture.ts). */
  cardAt?: (x: number, y: number) => string | null;
}) {
  const connection = useConnection();
  const domNode = useStore(selectDomNode);
  if (!connection.inProgress || !domNode) return null;
  const box = domNode.getBoundingClientRect();
  const at = { x: box.left + connection.pointer.x, y: box.top + connection.pointer.y };
  const overId = connection.toNode?.id ?? nodeIdAt(at.x, at.y, cardAt);
  if (!overId || overId === connection.fromNode.id) return null;
  const [from, to] =
    connection.fromHandle.type === 'target' ? [overId, connection.fromNode.id] : [connection.fromNode.id, overId];
  const reason = explain(from, to);
  return (
    <div
      className={`tl-connection-hint${reason ? '' : ' is-ok'}`}
      role="tooltip"
      style={{ left: at.x + 16, top: at.y + 16 }}
      data-testid={reason ? 'connection-hint' : 'connection-ok'}
    >
      {reason ?? describe(from, to)}
    </div>
  );
}
