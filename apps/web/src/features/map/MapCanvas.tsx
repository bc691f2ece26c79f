import {
  Background,
  ConnectionMode,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type Edge,
  type FinalConnectionState,
  type IsValidConnection,
  type Node,
  type NodeChange,
  type NodeMouseHandler,
  type EdgeMouseHandler,
  type OnConnectEnd,
  type OnNodeDrag,
  type ReactFlowState,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import type { NodeKind } from '@throughline/domain';
import { useCallback, useEffect, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { KIND_COLOURS } from '../../ui/kindColours';
import { ConnectionHint, ConnectionLine, nodeIdAt } from './edges/ConnectionHint';
import { edgeTypes } from './edges/edgeTypes';
import { FarEdges } from './edges/FarEdges';
import type { MapEdge } from './edges/types';
import type { XY } from './layout/geometry';
import { reconcile, sameEdge, sameNode } from './model/elements';
import { TINY_ZOOM } from './model/farLabels';
import { PICTURE_MIN_CARDS, useFarPicture } from './hooks/useFarPicture';
import { useFitBox } from './hooks/useFitBox';
import { FarContext } from './nodes/FarContext';
import { FarPicture } from './nodes/FarPicture';
import { nodeTypes } from './nodes/nodeTypes';
import type { MapNode } from './nodes/types';
import { zoomStyle, type ZoomStyle } from './zoomStyle';

export interface MapCanvasProps {
  nodes: MapNode[];
  edges: MapEdge[];
  /** Set once the current view is laid out: the map fits it into the screen when this changes. */
  readyKey: string | null;
  /** Draw every node in full, visible or not, whatever the zoom (for an image export). */
  renderAll: boolean;
  onSelectNode: (id: string | null) => void;
  onSelectEdge: (id: string | null) => void;
  /** A right click on a node: its actions at the pointer. */
  onNodeMenu: (id: string, at: XY) => void;
  onTraceNode: (id: string) => void;
  onMoveNode: (id: string, at: XY) => void;
  /** Why a link from → to cannot be drawn, or null when it can. */
  explainConnection: (from: string, to: string) => string | null;
  /** What dropping a link from → to would do, in words. */
  describeConnection: (from: string, to: string) => string;
  onConnect: (connection: Connection) => void;
  onRefusedConnection: (reason: string) => void;
}

/**
 * Below this zoom the cards drop their small print (CSS) and the links are drawn as one picture
 * (`FarEdges`): what keeps a 2,000-node overview quick to open and to pan.
 */
const FAR_ZOOM = 0.45;
const selectFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;
/** Fitting the whole view: by the cards' positions, since over the far-zoom picture React Flow holds only a few. */
const FIT = { padding: 0.08, maxZoom: 1, duration: 0 };
/** Four corners drawn inwards: the fit button's icon (React Flow does not export its own). */
const FitIcon = () => (
  <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
  </svg>
);

/** Whether a view of `cards` is drawn as one picture when zoomed out (an export draws every card). */
const drawsPicture = (cards: number, renderAll: boolean) => cards >= PICTURE_MIN_CARDS && !renderAll;

const PRO_OPTIONS = { hideAttribution: true };
/** Zoomed out, React Flow draws no edges: `FarEdges` draws them all as one picture. */
const NO_EDGES: MapEdge[] = [];
const minimapColour = (node: Node) => KIND_COLOURS[node.type as NodeKind] ?? '#94a3b8';

/**
 * The React Flow canvas. It owns only what React Flow needs between renders (node positions while
 * dragging); everything else — which nodes, where, what is lit — comes in as props, derived by
 * `MapScreen` from server state, the layout and the URL.
 */
export function MapCanvas(props: MapCanvasProps) {
  const { readyKey, renderAll, onSelectNode, onSelectEdge, onTraceNode, onMoveNode, explainConnection } = props;
  const { viewportFor } = useFitBox();
  const { setViewport } = useReactFlow();
  // An export draws full cards and React Flow's own edges whatever the zoom.
  const far = useStore(selectFar) && !renderAll;

  // The zoom as a CSS variable, written straight to the DOM (no re-render per frame), so far-zoom
  // labels and rings keep a readable size on screen (see nodes/nodes.css, "far zoom") — held back
  // while a pan or zoom gesture runs (zoomStyle.ts: a new value restyles every label).
  const store = useStoreApi<MapNode, MapEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const zoomCss = useRef<ZoomStyle | null>(null);
  // A fit on its way to a far zoom on a large view (see `fitAll`): where it is going, or null.
  const [farFit, setFarFit] = useState<Viewport | null>(null);
  // The zoom as last written (at rest): what the far-zoom picture wraps its labels for.
  const [restingZoom, setRestingZoom] = useState(1);
  useEffect(() => {
    if (!wrapper.current) return;
    const published = zoomStyle(wrapper.current, TINY_ZOOM, store.getState().transform[2], setRestingZoom);
    zoomCss.current = published;
    return store.subscribe((state, previous) => {
      if (state.transform[2] !== previous.transform[2]) published.zoomed(state.transform[2]);
    });
  }, [store]);
  // Only a person's gesture (it has a source event) holds the zoom back: a fit or a control's step
  // is written as it happens, so what reads it right after (tests, the far labels) sees it.
  const onMoveStart = useCallback((event: unknown) => {
    if (event) zoomCss.current?.moveStart();
  }, []);
  const onMoveEnd = useCallback((_event: unknown, viewport: Viewport) => {
    zoomCss.current?.moveEnd(viewport.zoom);
    setFarFit(null); // the fit it waited for is done: from here the zoom decides
  }, []);

  // Derived nodes become state so a drag can move one node without rebuilding the rest; when the
  // derived list changes, unchanged nodes keep their identity (see `reconcile`).
  const [nodes, setNodes] = useState<MapNode[]>([]);
  const [nodesFrom, setNodesFrom] = useState<MapNode[] | null>(null);
  if (nodesFrom !== props.nodes) {
    setNodesFrom(props.nodes);
    setNodes((previous) => reconcile(previous, props.nodes, sameNode));
  }
  const [edges, setEdges] = useState<MapEdge[]>([]);
  const [edgesFrom, setEdgesFrom] = useState<MapEdge[] | null>(null);
  if (edgesFrom !== props.edges) {
    setEdgesFrom(props.edges);
    setEdges((previous) => reconcile(previous, props.edges, sameEdge));
  }

  const latestNodes = useRef(nodes);
  useEffect(() => {
    latestNodes.current = nodes;
  }, [nodes]);
  // A fit that ends far out on a large view turns the picture on first, and moves once it is up: moved
  // first, React Flow would mount a card for each of the view's nodes for one render (all are on
  // screen far out) only to drop them in the next — seconds of a 2,000-node view's opening.
  const fitAll = useCallback(() => {
    const all = latestNodes.current;
    const viewport = viewportFor(
      all.map((n) => ({ ...n.position, width: n.width, height: n.height })),
      FIT,
    );
    if (!viewport) return;
    if (viewport.zoom < FAR_ZOOM && drawsPicture(all.length, renderAll)) setFarFit(viewport);
    else void setViewport(viewport);
  }, [viewportFor, setViewport, renderAll]);
  useEffect(() => {
    if (readyKey) fitAll();
  }, [readyKey, fitAll]);
  useEffect(() => {
    if (farFit) void setViewport(farFit);
  }, [farFit, setViewport]);

  // A large view zoomed out is one picture, with real cards only where a person is working.
  const picture = (far || farFit !== null) && drawsPicture(nodes.length, renderAll);
  const { shown, cardAtPoint, onPointerMove, onPointerLeave } = useFarPicture(nodes, picture);

  // Only moves are applied here; selection and deletion go through the screen (keyboard, panels).
  const onNodesChange = useCallback((changes: NodeChange<MapNode>[]) => {
    const moves = changes.filter((c) => c.type === 'position');
    if (moves.length) setNodes((current) => applyNodeChanges(moves, current));
  }, []);
  const onNodeDragStop: OnNodeDrag<MapNode> = useCallback(
    (_event, node) => onMoveNode(node.id, node.position),
    [onMoveNode],
  );
  const onNodeClick: NodeMouseHandler<MapNode> = useCallback((_event, node) => onSelectNode(node.id), [onSelectNode]);
  const onNodeDoubleClick: NodeMouseHandler<MapNode> = useCallback(
    (_event, node) => onTraceNode(node.id),
    [onTraceNode],
  );
  const { onNodeMenu } = props;
  const onNodeContextMenu: NodeMouseHandler<MapNode> = useCallback(
    (event, node) => {
      event.preventDefault();
      onNodeMenu(node.id, { x: event.clientX, y: event.clientY });
    },
    [onNodeMenu],
  );
  const onEdgeClick: EdgeMouseHandler<MapEdge> = useCallback((_event, edge) => onSelectEdge(edge.id), [onSelectEdge]);
  // On the far-zoom picture a click, a double click or a right click may land on a card not yet up.
  const onPaneClick = useCallback(
    (event: ReactMouseEvent) => {
      onSelectNode(cardAtPoint(event.clientX, event.clientY));
      onSelectEdge(null);
    },
    [onSelectNode, onSelectEdge, cardAtPoint],
  );
  const onDoubleClick = useCallback(
    (event: ReactMouseEvent) => {
      const onPane = (event.target as Element).classList.contains('react-flow__pane');
      const id = onPane ? cardAtPoint(event.clientX, event.clientY) : null;
      if (id) onTraceNode(id);
    },
    [cardAtPoint, onTraceNode],
  );
  const onPaneContextMenu = useCallback(
    (event: ReactMouseEvent | MouseEvent) => {
      const id = cardAtPoint(event.clientX, event.clientY);
      if (!id) return;
      event.preventDefault();
      onNodeMenu(id, { x: event.clientX, y: event.clientY });
    },
    [cardAtPoint, onNodeMenu],
  );

  const isValidConnection: IsValidConnection<Edge> = useCallback(
    (c) => explainConnection(c.source, c.target) === null,
    [explainConnection],
  );
  const { onConnect, onRefusedConnection } = props;
  // The drop: on a handle that refused the link, say why (the tooltip said it while hovering); on a
  // card's body (no handle near), link to that card — dropping anywhere on it is enough.
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state: FinalConnectionState) => {
      if (state.isValid === true || !state.fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      const toId = state.toNode?.id ?? nodeIdAt(point.clientX, point.clientY, cardAtPoint);
      if (!toId || toId === state.fromNode.id) return; // dropped on the pane or back on itself: nothing
      const [from, to] = state.fromHandle?.type === 'target' ? [toId, state.fromNode.id] : [state.fromNode.id, toId];
      const reason = explainConnection(from, to);
      if (reason) onRefusedConnection(reason);
      // Also a handle of the wrong type (a top edge dropped on a top edge): the cards are what count.
      else onConnect({ source: from, target: to, sourceHandle: null, targetHandle: null });
    },
    [explainConnection, onRefusedConnection, onConnect, cardAtPoint],
  );

  return (
    <div
      ref={wrapper}
      className={`map-canvas${far ? ' zoom-far' : ''}`}
      // One Tab stop for the whole map (not one per node): arrows move between nodes, Enter opens.
      tabIndex={0}
      role="group"
      aria-label="Map. Arrow keys move along the links: down to what delivers the selected node, up to what it serves, left and right to its siblings. Space selects or deselects, Enter opens the selected node, L links it, ? shows the legend."
      data-testid="map-canvas"
      data-ready={readyKey ? 'true' : 'false'}
      data-picture={picture ? 'true' : 'false'}
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      onDoubleClick={onDoubleClick}
    >
      <FarContext.Provider value={far}>
        <ReactFlow<MapNode, MapEdge>
          nodes={shown}
          edges={far ? NO_EDGES : edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStop={onNodeDragStop}
          onNodeClick={onNodeClick}
          onNodeDoubleClick={onNodeDoubleClick}
          onNodeContextMenu={onNodeContextMenu}
          onEdgeClick={onEdgeClick}
          onPaneClick={onPaneClick}
          onPaneContextMenu={onPaneContextMenu}
          onMoveStart={onMoveStart}
          onMoveEnd={onMoveEnd}
          isValidConnection={isValidConnection}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          connectionMode={ConnectionMode.Strict}
          connectionRadius={40}
          autoPanOnConnect
          autoPanSpeed={18}
          connectionLineComponent={ConnectionLine}
          // Culling pays when zoomed in; far out nearly everything is on screen, and mounting cards at
          // the edges while panning cost more than drawing them (bench/map.ts: pan p95 117 vs 150 ms).
          // A large view keeps it: zooming out past the far zoom, React Flow renders once more with all
          // its nodes before the picture takes them (the visible ones only, then — not 2,000).
          onlyRenderVisibleElements={!renderAll && (!far || drawsPicture(nodes.length, renderAll))}
          // Far enough out that a fitted 2,000-card view (about 0.03) can still be zoomed out of.
          minZoom={0.01}
          maxZoom={2}
          zoomOnDoubleClick={false}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          disableKeyboardA11y
          // The map is one Tab stop (the wrapper above): React Flow's own stop per node and per link
          // would make Tab walk through hundreds of cards before reaching the inspector.
          nodesFocusable={false}
          edgesFocusable={false}
          elevateNodesOnSelect={false}
          proOptions={PRO_OPTIONS}
        >
          {/* Not far out: there the dots are a grey texture a few pixels apart, and repainting it on
              every frame of a pan doubled the frame time of a 2,000-node overview (docs/performance.md). */}
          {!far && <Background gap={24} color="#dfe4ea" />}
          {/* Its own fit button: React Flow's frames the nodes it holds, which over the far-zoom picture are a few. */}
          <Controls showInteractive={false} showFitView={false}>
            <ControlButton
              onClick={fitAll}
              className="react-flow__controls-fitview"
              title="Fit the view"
              aria-label="Fit the view"
            >
              <FitIcon />
            </ControlButton>
          </Controls>
          {/* Not over the far-zoom picture: it draws the visible cards only (none), and there the whole
              view is on screen anyway. */}
          {!picture && (
            <MiniMap pannable zoomable nodeColor={minimapColour} nodeStrokeWidth={0} maskColor="rgba(27,36,48,0.08)" />
          )}
          <ConnectionHint explain={explainConnection} describe={props.describeConnection} cardAt={cardAtPoint} />
          {far && <FarEdges nodes={nodes} edges={edges} />}
          {picture && <FarPicture nodes={nodes} zoom={farFit?.zoom ?? restingZoom} />}
        </ReactFlow>
      </FarContext.Provider>
    </div>
  );
}
