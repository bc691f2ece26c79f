import { useQuery } from '@tanstack/react-query';
import {
  type AuditFinding,
  type BusinessUnitRecord,
  type GraphNode,
  type LinkKind,
  type NodeKind,
  type NodeRecord,
  type NodeRollup,
} from '@throughline/domain';
import { ReactFlowProvider, useReactFlow, type Connection } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { auditQuery } from '../../api/audit.queries';
import { businessUnitsQuery } from '../../api/businessUnits.queries';
import { rollupsQuery } from '../../api/coverage.queries';
import { graphViewQuery, traceQuery } from '../../api/graph.queries';
import { currentActor } from '../../api/http';
import { useCreateLink, type NewLink } from '../../api/links.queries';
import { useDeleteNode } from '../../api/nodes.queries';
import { useDeleteLink } from '../../api/links.queries';
import { useToast } from '../../ui/toast';
import { useWindowKeydown } from '../../ui/useWindowKeydown';
import { FindingsPanel } from '../audit/FindingsPanel';
import { exportMapImage, type ImageFormat } from './exportImage';
import { MapActionsContext, type MapActions } from './MapActionsContext';
import { MapCanvas } from './MapCanvas';
import { NODE_HEIGHT, NODE_WIDTH, type XY } from './layout/geometry';
import { prewarmLayout } from './layout/layoutClient';
import { LayoutStore } from './layout/layoutStore';
import { judgeConnection } from './model/connection';
import {
  buildEdges,
  buildNodeData,
  buildNodes,
  countFindings,
  freeSpot,
  placeNewNodes,
  toGraphNode,
} from './model/elements';
import { filterGraph, type DrawnGraph, type MapFilters } from './model/filters';
import { findingHighlight } from './model/findings';
import { nearestInDirection, type Direction } from './model/spatial';
import { summariseTrace, traceHighlight } from './model/trace';
import { DeleteDialog, type Deleting } from './panels/DeleteDialog';
import { LinkKindChooser } from './panels/LinkKindChooser';
import { NewNodePanel } from './panels/NewNodePanel';
import { NodePanel } from './panels/NodePanel';
import { Palette } from './toolbar/Palette';
import { MapToolbar } from './toolbar/MapToolbar';
import { isTyping, type SearchHit } from './toolbar/SearchBox';
import { StatusLine } from './StatusLine';
import { TraceBar } from './TraceBar';
import { MAX_VIEW_NODES, useMapUrl, viewKey, viewParams, type MapScope } from './useMapUrl';

const NO_ROLLUPS: ReadonlyMap<string, NodeRollup> = new Map();
const NO_UNITS: BusinessUnitRecord[] = [];
const EMPTY: DrawnGraph = { nodes: [], links: [] };
const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const FIT = { padding: 0.35, maxZoom: 1.1, duration: 400 };

/** A mark on the browser's performance timeline (jsdom has none). */
function mark(name: string, detail: string) {
  if (typeof performance.mark === 'function') performance.mark(name, { detail });
}

/** The map screen. React Flow's provider sits above it so the toolbar and panels can move the viewport. */
export function MapPage() {
  return (
    <ReactFlowProvider>
      <MapScreen />
    </ReactFlowProvider>
  );
}

/**
 * Puts the map together: server state (the view, units, audit, roll-ups, a trace), the URL (view,
 * filters, selection, trace), the layout, and what the user is doing (a new node, a link to
 * choose, a deletion to confirm). Everything drawn is derived here and handed to `MapCanvas`.
 */
function MapScreen() {
  const [url, setUrl] = useMapUrl();
  const toast = useToast();
  const { fitView, getNodes, screenToFlowPosition, setCenter, getZoom } = useReactFlow();

  // ---- server state -------------------------------------------------------------------------
  const graphView = useQuery(graphViewQuery(viewParams(url)));
  useEffect(prewarmLayout, []);
  const units = useQuery(businessUnitsQuery());
  // The audit and roll-ups decorate the map; they wait for the graph so as not to compete with it
  // for the API on the way in (badges, rings and bars appear a moment after the nodes).
  const decorate = graphView.data !== undefined || graphView.isError;
  const audit = useQuery({ ...auditQuery(), enabled: decorate });
  const rollups = useQuery({ ...rollupsQuery(), enabled: decorate });
  const tracing = useQuery({ ...traceQuery(url.traceId ?? '', 'both'), enabled: !!url.traceId });
  const view: DrawnGraph | undefined = graphView.data;
  const viewReady = graphView.isSuccess && !graphView.isPlaceholderData;
  const truncated = graphView.data?.truncated === true;

  // An organisation too big to draw whole opens on its strategy, delivery collapsed into counts
  // (the API's `auto` scope decides); say so once, and how to see more.
  const openedOnStrategy = url.scope === null && viewReady && graphView.data?.scope === 'strategy';
  useEffect(() => {
    if (openedOnStrategy) {
      toast(
        `This organisation has more than ${MAX_VIEW_NODES.toLocaleString()} nodes: showing its strategy. Expand a node, or pick a unit.`,
        'info',
      );
    }
  }, [openedOnStrategy, toast]);

  // ---- what is drawn ------------------------------------------------------------------------
  const unitParents = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.parentId])), [units.data]);
  // Nodes created here that the view does not hold (yet): shown anyway, so they can be linked.
  const [drafts, setDrafts] = useState<GraphNode[]>([]);
  const graph = useMemo<DrawnGraph>(() => {
    const base = view ?? EMPTY;
    const ids = new Set(base.nodes.map((n) => n.id));
    const extra = drafts.filter((d) => !ids.has(d.id));
    return extra.length ? { nodes: [...base.nodes, ...extra], links: base.links } : base;
  }, [view, drafts]);
  const drawn = useMemo(() => {
    const filtered = filterGraph(view ?? EMPTY, url.filters, unitParents);
    // Drafts the view does not hold are drawn whatever the filters (they were just made, to be linked);
    // once the view holds them, the filters decide like for any node.
    const inView = new Set((view ?? EMPTY).nodes.map((n) => n.id));
    const extra = drafts.filter((d) => !inView.has(d.id));
    const ids = new Set(filtered.nodes.map((n) => n.id));
    if (extra.length === 0) return filtered;
    for (const d of extra) ids.add(d.id);
    const linked = graph.links.filter((l) => ids.has(l.from) && ids.has(l.to) && l.state !== 'rejected');
    return { nodes: [...filtered.nodes, ...extra], links: linked };
  }, [view, url.filters, unitParents, drafts, graph.links]);
  const nodesById = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph.nodes]);
  const key = viewKey(url);

  // ---- layout -------------------------------------------------------------------------------
  const [layout] = useState(() => new LayoutStore(currentActor));
  const placed = useSyncExternalStore(layout.subscribe, layout.getSnapshot);
  useEffect(() => {
    if (viewReady) layout.ensure(key, drawn.nodes, drawn.links);
  }, [layout, viewReady, key, drawn]);
  const laidOut = placed.viewKey === key && placed.status === 'ready';
  // Marks for the browser's performance timeline (devtools, bench/map.ts): data in, laid out.
  useEffect(() => {
    if (viewReady) mark('map:data', key);
  }, [viewReady, key]);
  useEffect(() => {
    if (laidOut) mark('map:laid-out', key);
  }, [laidOut, key]);
  const positions = useMemo(
    () => (laidOut ? placeNewNodes(drawn.nodes, placed.positions) : placed.positions),
    [laidOut, drawn.nodes, placed.positions],
  );

  // ---- highlight: a trace, else a finding ---------------------------------------------------
  const [finding, setFinding] = useState<AuditFinding | null>(null);
  const highlight = useMemo(() => {
    if (url.traceId) return tracing.data ? traceHighlight(tracing.data) : null;
    return finding ? findingHighlight(finding, graph.nodes, graph.links) : null;
  }, [url.traceId, tracing.data, finding, graph]);
  const traceSummary = useMemo(() => (tracing.data ? summariseTrace(tracing.data) : null), [tracing.data]);

  // ---- elements -----------------------------------------------------------------------------
  const unitsById = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  const findingsByNode = useMemo(() => countFindings(audit.data?.findings ?? []), [audit.data]);
  const data = useMemo(
    () => buildNodeData(drawn.nodes, unitsById, rollups.data ?? NO_ROLLUPS, findingsByNode),
    [drawn.nodes, unitsById, rollups.data, findingsByNode],
  );
  const selectedId = url.selectedId ?? null;
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);
  const nodes = useMemo(
    () => buildNodes(drawn.nodes, data, positions, { selectedId, highlight }),
    [drawn.nodes, data, positions, selectedId, highlight],
  );
  const edges = useMemo(() => buildEdges(drawn.links, highlight, selectedEdge), [drawn.links, highlight, selectedEdge]);

  // ---- zooming to nodes, including ones a view change is still loading ----------------------
  const pendingFit = useRef<string[] | null>(null);
  const zoomTo = useCallback((ids: string[]) => void fitView({ ...FIT, nodes: ids.map((id) => ({ id })) }), [fitView]);
  useEffect(() => {
    const ids = pendingFit.current;
    if (!ids || !laidOut) return;
    const present = ids.filter((id) => positions[id]);
    if (present.length === 0) return;
    pendingFit.current = null;
    zoomTo(present);
  }, [laidOut, positions, zoomTo]);

  // Trace mode frames the chain it lights, once per traced node (not again on a refetch).
  const framedTrace = useRef<string | null>(null);
  useEffect(() => {
    if (!url.traceId) framedTrace.current = null;
    if (!tracing.data || !laidOut || framedTrace.current === tracing.data.rootId) return;
    framedTrace.current = tracing.data.rootId;
    const shown = tracing.data.nodes.map((n) => n.id).filter((id) => positions[id]);
    if (shown.length) zoomTo(shown);
  }, [url.traceId, tracing.data, laidOut, positions, zoomTo]);

  // ---- actions ------------------------------------------------------------------------------
  const [newKind, setNewKind] = useState<NodeKind | null>(null);
  const [chooser, setChooser] = useState<{ from: GraphNode; to: GraphNode; kinds: LinkKind[] } | null>(null);
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const [exporting, setExporting] = useState(false);
  const createLink = useCreateLink();
  const deleteNode = useDeleteNode();
  const deleteLink = useDeleteLink();

  const select = useCallback(
    (id: string | null) => {
      setUrl({ selectedId: id });
      if (id) setNewKind(null);
    },
    [setUrl],
  );
  const selectEdge = useCallback((id: string | null) => setSelectedEdge(id), []);
  const trace = useCallback(
    (id: string) => {
      setFinding(null);
      setUrl({ traceId: id, selectedId: id });
    },
    [setUrl],
  );
  const moveNode = useCallback((id: string, at: XY) => layout.move(key, id, at), [layout, key]);
  const showNode = useCallback(
    (id: string) => {
      const node = nodesById.get(id);
      if (positions[id]) {
        select(id);
        zoomTo([id]);
      } else if (node) {
        pendingFit.current = [id];
        setUrl({ scope: 'chain', rootId: id, selectedId: id }, { push: true });
      }
    },
    [nodesById, positions, select, zoomTo, setUrl],
  );

  const explainConnection = useCallback(
    (from: string, to: string) => {
      const a = nodesById.get(from);
      const b = nodesById.get(to);
      if (!a || !b) return 'That node is not on the map.';
      const verdict = judgeConnection(a, b, graph.links);
      return verdict.ok ? null : verdict.reason;
    },
    [nodesById, graph.links],
  );
  const submitLink = useCallback(
    (link: NewLink) => {
      setChooser(null);
      const from = nodesById.get(link.fromId)?.key ?? 'node';
      const to = nodesById.get(link.toId)?.key ?? 'node';
      createLink.mutate(link, {
        onSuccess: () => toast(`Linked ${from} → ${to}`, 'success'),
        onError: (error) => toast(`The link ${from} → ${to} was refused: ${error.message}`, 'error'),
      });
    },
    [createLink, nodesById, toast],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      const from = nodesById.get(c.source);
      const to = nodesById.get(c.target);
      if (!from || !to) return;
      const verdict = judgeConnection(from, to, graph.links);
      if (!verdict.ok) toast(verdict.reason, 'error');
      else if (verdict.kinds.length === 1) submitLink({ fromId: from.id, toId: to.id, kind: verdict.kinds[0] });
      else setChooser({ from, to, kinds: verdict.kinds });
    },
    [nodesById, graph.links, toast, submitLink],
  );
  const refuse = useCallback((reason: string) => toast(reason, 'error'), [toast]);

  const stage = useRef<HTMLDivElement>(null);
  const onCreated = useCallback(
    (record: NodeRecord) => {
      // Place it where the user is looking, as if they had put it there.
      const box = stage.current?.getBoundingClientRect();
      const centre = box
        ? screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
        : { x: 0, y: 0 };
      layout.move(key, record.id, freeSpot({ x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2 }, positions));
      setDrafts((d) => [...d, toGraphNode(record)]);
      setNewKind(null);
      setUrl({ selectedId: record.id });
    },
    [layout, key, screenToFlowPosition, setUrl, positions],
  );

  const confirmDelete = () => {
    if (!deleting) return;
    const done = { onSettled: () => setDeleting(null), onError: (e: Error) => toast(e.message, 'error') };
    if (deleting.type === 'node') {
      const { node } = deleting;
      deleteNode.mutate(node.id, {
        ...done,
        onSuccess: () => {
          toast(`${node.key} deleted`, 'success');
          setDrafts((d) => d.filter((x) => x.id !== node.id));
          setUrl({ selectedId: null, traceId: url.traceId === node.id ? null : url.traceId });
        },
      });
    } else {
      deleteLink.mutate(
        { id: deleting.link.id, fromId: deleting.link.from, toId: deleting.link.to },
        { ...done, onSuccess: () => setSelectedEdge(null) },
      );
    }
  };
  const requestDelete = useCallback(
    (id: string) => {
      const node = nodesById.get(id);
      if (node) setDeleting({ type: 'node', node });
    },
    [nodesById],
  );

  const pickFinding = useCallback(
    (f: AuditFinding) => {
      setFinding(f);
      const ids = findingHighlight(f, graph.nodes, graph.links).nodeIds;
      const shown = [...ids].filter((id) => positions[id]);
      setUrl({ traceId: null, selectedId: f.nodeIds[0] ?? null });
      if (shown.length) zoomTo(shown);
      else if (f.nodeIds[0]) {
        // Not in this view: open the chain of the node it is about.
        pendingFit.current = f.nodeIds;
        setUrl({ scope: 'chain', rootId: f.nodeIds[0] }, { push: true });
      }
    },
    [graph, positions, setUrl, zoomTo],
  );

  const onSearch = useCallback(
    (hit: SearchHit) => {
      if (positions[hit.id]) {
        select(hit.id);
        zoomTo([hit.id]);
      } else {
        pendingFit.current = [hit.id];
        setUrl({ scope: 'chain', rootId: hit.id, selectedId: hit.id }, { push: true });
      }
    },
    [positions, select, zoomTo, setUrl],
  );
  const setScope = useCallback(
    (scope: MapScope, target?: string) =>
      setUrl(
        { scope, rootId: null, unitId: scope === 'business_unit' ? target : null, traceId: null, limit: null },
        { push: true },
      ),
    [setUrl],
  );
  const setFilter = useCallback(
    (name: keyof MapFilters, value: string | null) => setUrl({ filters: { [name]: value } }),
    [setUrl],
  );

  const exportImage = useCallback(
    async (format: ImageFormat) => {
      setExporting(true);
      try {
        // Let React Flow render the nodes outside the viewport before the picture is taken.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        await exportMapImage(format, getNodes());
      } catch (error) {
        toast(`Export failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
      } finally {
        setExporting(false);
      }
    },
    [getNodes, toast],
  );
  const toggleTrace = useCallback(() => {
    if (url.traceId) setUrl({ traceId: null });
    else if (selectedId) trace(selectedId);
  }, [url.traceId, selectedId, setUrl, trace]);
  const toggleAudit = useCallback(() => setUrl({ auditOpen: !url.auditOpen }), [url.auditOpen, setUrl]);
  const relayout = useCallback(() => layout.relayout(key, drawn.nodes, drawn.links), [layout, key, drawn]);

  // Nodes ask for expansion through context, which never changes, so asking re-renders nothing.
  const actions = useMemo<MapActions>(
    () => ({
      expand: (id) => {
        pendingFit.current = [id];
        setUrl({ scope: 'chain', rootId: id, selectedId: id }, { push: true });
      },
    }),
    [setUrl],
  );

  // ---- keyboard -----------------------------------------------------------------------------
  useWindowKeydown((e) => {
    if (isTyping(e.target) || chooser || deleting) return;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      const link = selectedEdge ? graph.links.find((l) => l.id === selectedEdge) : undefined;
      if (link) setDeleting({ type: 'link', link });
      else if (selectedId) requestDelete(selectedId);
      else return;
    } else if (e.key === 'Escape') {
      if (url.traceId) setUrl({ traceId: null });
      else if (finding) setFinding(null);
      else if (newKind) setNewKind(null);
      else if (selectedEdge) setSelectedEdge(null);
      else if (selectedId) setUrl({ selectedId: null });
      else return;
    } else if (ARROWS[e.key]) {
      const from = selectedId ? positions[selectedId] : undefined;
      const candidates = drawn.nodes
        .filter((n) => n.id !== selectedId && positions[n.id])
        .map((n) => ({ id: n.id, at: positions[n.id] }));
      const next = from ? nearestInDirection(from, candidates, ARROWS[e.key]) : (candidates[0]?.id ?? null);
      if (!next) return;
      select(next);
      const at = positions[next];
      void setCenter(at.x + NODE_WIDTH / 2, at.y + NODE_HEIGHT / 2, { zoom: Math.max(getZoom(), 0.6), duration: 200 });
    } else if (e.key === 't' && selectedId) {
      trace(selectedId);
    } else return;
    e.preventDefault();
  });

  // ---- render -------------------------------------------------------------------------------
  const themes = useMemo(() => graph.nodes.filter((n) => n.kind === 'theme'), [graph.nodes]);
  const readyKey = laidOut ? `${key}#${placed.layoutId}` : null;
  const selectedNode = selectedId ? nodesById.get(selectedId) : undefined;

  return (
    <MapActionsContext.Provider value={actions}>
      <div className="map-screen">
        <MapToolbar
          url={url}
          scope={url.scope ?? graphView.data?.scope ?? null}
          root={url.rootId ? nodesById.get(url.rootId) : undefined}
          units={units.data ?? NO_UNITS}
          themes={themes}
          drawn={drawn.nodes}
          audit={audit.data?.summary}
          exporting={exporting}
          onScope={setScope}
          onFilter={setFilter}
          onSearch={onSearch}
          onTrace={toggleTrace}
          onAudit={toggleAudit}
          onRelayout={relayout}
          onExport={exportImage}
        />
        <div className="map-body">
          <div className="map-left">
            <Palette onPick={setNewKind} active={newKind} />
            {url.auditOpen && (
              <FindingsPanel
                report={audit.data}
                loading={audit.isPending}
                error={audit.isError ? audit.error.message : null}
                severity={url.severity}
                focusedId={finding?.id ?? null}
                onSeverity={(severity) => setUrl({ severity })}
                onPick={pickFinding}
                onClose={() => {
                  setFinding(null);
                  setUrl({ auditOpen: false });
                }}
              />
            )}
          </div>
          <div className="map-stage" ref={stage}>
            <MapCanvas
              nodes={nodes}
              edges={edges}
              readyKey={readyKey}
              renderAll={exporting}
              onSelectNode={select}
              onSelectEdge={selectEdge}
              onTraceNode={trace}
              onMoveNode={moveNode}
              explainConnection={explainConnection}
              onConnect={onConnect}
              onRefusedConnection={refuse}
            />
            <StatusLine
              loading={graphView.isPending || placed.status === 'pending'}
              error={graphView.isError ? graphView.error.message : placed.error}
              nodes={drawn.nodes.length}
              links={drawn.links.length}
              layoutMs={laidOut ? placed.ms : null}
              truncated={truncated}
            />
            {url.traceId && (
              <TraceBar
                summary={traceSummary}
                loading={tracing.isPending}
                onShow={showNode}
                onClose={() => setUrl({ traceId: null })}
              />
            )}
            {!url.traceId && finding && (
              <div className="trace-bar finding-bar" role="region" aria-label="Finding">
                <strong className={`sev-${finding.severity}`}>{finding.severity}</strong>
                <span>{finding.message}</span>
                {finding.path.length > 1 && <span className="muted">{finding.path.join(' › ')}</span>}
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => setFinding(null)}
                  aria-label="Clear finding"
                >
                  ×
                </button>
              </div>
            )}
          </div>
          {newKind ? (
            <NewNodePanel
              key={newKind}
              kind={newKind}
              units={units.data ?? NO_UNITS}
              onCreated={onCreated}
              onClose={() => setNewKind(null)}
            />
          ) : (
            selectedId && (
              <NodePanel
                nodeId={selectedId}
                units={units.data ?? NO_UNITS}
                nodesById={nodesById}
                onClose={() => setUrl({ selectedId: null })}
                onTrace={trace}
                onDelete={requestDelete}
                onShowNode={showNode}
              />
            )
          )}
        </div>
        {chooser && (
          <LinkKindChooser
            from={chooser.from}
            to={chooser.to}
            kinds={chooser.kinds}
            onCreate={submitLink}
            onCancel={() => setChooser(null)}
          />
        )}
        {deleting && (
          <DeleteDialog
            deleting={deleting}
            nodesById={nodesById}
            busy={deleteNode.isPending || deleteLink.isPending}
            onConfirm={confirmDelete}
            onCancel={() => setDeleting(null)}
          />
        )}
      </div>
      {selectedNode && (
        <span hidden data-testid="selected-key">
          {selectedNode.key}
        </span>
      )}
    </MapActionsContext.Provider>
  );
}
