import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import type { AuditFinding, NodeRecord } from '@throughline/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NodeFields } from '../../api/nodes.queries';
import { FindingBar } from './FindingBar';
import { useAuditOverlay } from './hooks/useAuditOverlay';
import { MapOverlayContext, useMapOverlay } from './hooks/useDiffOverlay';
import { DiffOverlayPanel } from '../snapshots/DiffOverlayPanel';
import { useDrawnGraph } from './hooks/useDrawnGraph';
import { useFitNodes } from './hooks/useFitBox';
import { useMapExport } from './hooks/useExportImage';
import { useLinking, type LinkOutcome } from './hooks/useLinking';
import { useMapData } from './hooks/useMapData';
import { useMapEditing } from './hooks/useMapEditing';
import { useMapElements } from './hooks/useMapElements';
import { useMapKeyboard } from './hooks/useMapKeyboard';
import { useMapLayout } from './hooks/useMapLayout';
import { useMapPermissions } from './hooks/useMapPermissions';
import { useReveal } from './hooks/useReveal';
import { useSelection } from './hooks/useSelection';
import { useTrace } from './hooks/useTrace';
import { useUndo } from './hooks/useUndo';
import { useViewControls } from './hooks/useViewControls';
import { useWaiving } from './hooks/useWaivers';
import { useWhatIf } from './hooks/useWhatIf';
import type { XY } from './layout/geometry';
import { MapActionsContext, type MapActions } from './MapActionsContext';
import { MapCanvas } from './MapCanvas';
import { MapLegend, useLegend } from './MapLegend';
import { nodeName } from './model/keyboardNav';
import { PrintTitle } from './PrintTitle';
import { MapSidebar } from './MapSidebar';
import { MapDialogs } from './panels/MapDialogs';
import { NodeMenu } from './panels/NodeMenu';
import { WaiveDialog } from './panels/WaiveDialog';
import { SidePanel } from './panels/SidePanel';
import { StatusLine } from './StatusLine';
import { MapToolbar } from './toolbar/MapToolbar';
import type { SearchHit } from './toolbar/SearchBox';
import { TraceBar } from './TraceBar';
import { WhatIfBar } from './WhatIfBar';
import { useMapUrl, viewKey } from './useMapUrl';
import { GroupLayer } from './groups/GroupLabels';
import { useGroupElements, useMapGroups } from './groups/useMapGroups';
import { useGroupedLayout } from './groups/useGroupedLayout';
import './map.css';

/** The map screen. React Flow's provider sits above it so the toolbar and panels can move the viewport. */
export function MapPage() {
  return (
    <ReactFlowProvider>
      <MapScreen />
    </ReactFlowProvider>
  );
}

/**
 * Puts the map together from its hooks: server state (`useMapData`), what is drawn and where
 * (`useDrawnGraph`, `useMapLayout`, `useMapElements`), what the user has in hand (`useSelection`),
 * the one way to show a node (`useReveal`), the audit and trace overlays, editing and linking, and
 * the keyboard. Everything drawn is derived there and handed to `MapCanvas`.
 */
function MapScreen() {
  const [url, setUrl] = useMapUrl();
  const { screenToFlowPosition, setCenter, getZoom } = useReactFlow();
  const data = useMapData(url);
  const drawing = useDrawnGraph(data.graphView.data, url.filters, data.units);
  const { graph, drawn, nodesById } = drawing;
  const groups = useMapGroups(url, drawn, data.units);
  const ungrouped = useMapLayout(viewKey(url), drawn, data.viewReady, groups.arrangement);
  const layout = useGroupedLayout(groups, drawn, ungrouped);
  const { positions, laidOut } = layout;
  const { startDecorating } = data;
  useEffect(() => {
    if (laidOut) startDecorating();
  }, [laidOut, startDecorating]);
  const selection = useSelection(url, setUrl);
  const { selectedId, select } = selection;
  const { reveal, zoomTo } = useReveal({ positions, laidOut, select, fitView: useFitNodes(positions) });
  const audit = useAuditOverlay(url, setUrl, graph, reveal);
  // Red-risk badges and the snapshot diff (`?diff=`), read by each card from context.
  const overlay = useMapOverlay();
  const trace = useTrace({ url, setUrl, positions, laidOut, zoomTo, onStart: audit.clear });
  const undo = useUndo(layout.moveNode, drawing.dropDraft);
  const { record, undoLabel, redoLabel, pending: undoPending } = undo;
  const undoControls = useMemo(
    () => ({ undo: undo.undo, redo: undo.redo, undoLabel, redoLabel, pending: undoPending }),
    [undo.undo, undo.redo, undoLabel, redoLabel, undoPending],
  );
  const onLinked = useCallback(
    (l: LinkOutcome) => record({ type: 'create-link', id: l.id, label: l.label, link: l.link }),
    [record],
  );
  const permissions = useMapPermissions();
  const linking = useLinking(nodesById, graph.links, { alwaysProposed: permissions.linksAreProposed, onLinked });
  const stage = useRef<HTMLDivElement>(null);
  const editing = useMapEditing({
    drawing,
    layout,
    selection,
    traceId: trace.traceId,
    stage,
    screenToFlowPosition,
    record,
    offerLink: linking.offerLink,
  });
  const onSaved = useCallback(
    (saved: NodeRecord, before: NodeFields, after: NodeFields) =>
      record({ type: 'edit-node', id: saved.id, key: saved.key, before, after, version: saved.version }),
    [record],
  );
  // A drag that moved a card: recorded, so Ctrl+Z puts it back.
  const { moveNode } = layout;
  const onMoveNode = useCallback(
    (id: string, at: XY) => {
      const before = positions[id];
      moveNode(id, at);
      if (before && (before.x !== at.x || before.y !== at.y))
        record({ type: 'move-node', id, key: nodesById.get(id)?.key ?? 'node', before, after: at });
    },
    [moveNode, positions, record, nodesById],
  );
  const [menu, setMenu] = useState<{ id: string; at: XY } | null>(null);
  const openMenu = useCallback((id: string, at: XY) => setMenu({ id, at }), []);
  const closeMenu = useCallback(() => setMenu(null), []);
  const { exporting, exportImage } = useMapExport({ drawn, positions, url, units: data.units, nodesById });
  const { setScope, setFilter } = useViewControls(setUrl);
  const centreOn = useCallback(
    (at: XY) => void setCenter(at.x, at.y, { zoom: Math.max(getZoom(), 0.6), duration: 200 }),
    [setCenter, getZoom],
  );
  const blocked = !!linking.request || !!editing.deleting || !!menu;
  const legend = useLegend();
  const linkFrom = useCallback(
    (id: string) => {
      const node = nodesById.get(id);
      if (node) linking.openPicker(node);
    },
    [nodesById, linking],
  );
  const shortcuts = {
    legend: legend.toggle,
    link: linkFrom,
    undo: undo.undo,
    redo: undo.redo,
    // Escape closes the what-if first.
    escape: () => (whatIf.itemId ? (whatIf.clear(), true) : false),
  };
  useMapKeyboard({
    blocked,
    selection,
    trace,
    audit,
    editing,
    drawn: drawn.nodes,
    links: drawn.links,
    positions,
    centreOn,
    shortcuts,
  });
  const whatIf = useWhatIf(graph.links);
  const [waiving, setWaiving] = useState<AuditFinding | null>(null);
  const waivers = useWaiving(() => {
    setWaiving(null);
    audit.clear();
  });
  // The picked finding's banner goes once the finding is no longer open (fixed, or waived).
  const openFindings = data.audit.data?.findings;
  const pickedId = audit.finding?.id;
  const { clear: clearFinding } = audit;
  useEffect(() => {
    if (pickedId && openFindings && !openFindings.some((f) => f.id === pickedId)) clearFinding();
  }, [pickedId, openFindings, clearFinding]);
  const askWhatIf = useCallback(
    (id: string) => {
      audit.clear();
      if (trace.traceId) trace.leave();
      whatIf.ask(id);
    },
    [audit, trace, whatIf],
  );
  const highlight = trace.traceId ? trace.highlight : (whatIf.highlight ?? audit.highlight);
  const cards = useMapElements(drawn, data, positions, selection, highlight);
  // Group boxes and lanes (issue 11): drawn with the cards, never selected, traced or opened like one.
  const grouped = useGroupElements(groups, { drawn, data, positions, cards, select, openMenu, setUrl, trace });
  const { nodes, edges } = grouped;

  const showNode = useCallback((id: string) => reveal([id]), [reveal]);
  const onSearch = useCallback((hit: SearchHit) => reveal([hit.id]), [reveal]);
  // Nodes ask for expansion through context, which never changes, so asking re-renders nothing.
  const actions = useMemo<MapActions>(() => ({ expand: (id) => reveal([id], { expand: true }) }), [reveal]);
  const themes = useMemo(() => graph.nodes.filter((n) => n.kind === 'theme'), [graph.nodes]);
  const { graphView } = data;
  const selectedNode = selectedId ? nodesById.get(selectedId) : undefined;

  return (
    <MapActionsContext.Provider value={actions}>
      <div className="map-screen">
        <PrintTitle
          scope={url.scope ?? graphView.data?.scope ?? null}
          unit={url.unitId ? data.units.find((u) => u.id === url.unitId) : undefined}
          root={url.rootId ? nodesById.get(url.rootId) : undefined}
          nodes={drawn.nodes.length}
        />
        <MapToolbar
          url={url}
          scope={url.scope ?? graphView.data?.scope ?? null}
          root={url.rootId ? nodesById.get(url.rootId) : undefined}
          units={data.units}
          themes={themes}
          drawn={drawn.nodes}
          audit={data.audit.data?.summary}
          exporting={exporting}
          onScope={setScope}
          onFilter={setFilter}
          onSearch={onSearch}
          onTrace={trace.toggle}
          onAudit={audit.toggle}
          onRelayout={layout.relayout}
          onExport={exportImage}
          onGroup={grouped.onGroup}
          undo={undoControls}
        />
        <div className="map-body">
          <MapSidebar selection={selection} audit={audit} report={data.audit} onUnwaive={waivers.unwaiveFinding} />
          <div className="map-stage" ref={stage}>
            <GroupLayer grouped={grouped}>
              <MapOverlayContext.Provider value={overlay.value}>
                <MapCanvas
                  nodes={nodes}
                  edges={edges}
                  readyKey={layout.readyKey}
                  renderAll={false}
                  onSelectNode={grouped.selectCard}
                  onSelectEdge={selection.selectEdge}
                  onNodeMenu={grouped.openCardMenu}
                  onTraceNode={grouped.traceCard}
                  onMoveNode={onMoveNode}
                  explainConnection={linking.explainConnection}
                  describeConnection={linking.describeConnection}
                  onConnect={linking.onConnect}
                  onRefusedConnection={linking.refuse}
                />
              </MapOverlayContext.Provider>
            </GroupLayer>
            <StatusLine
              loading={graphView.isPending || layout.pending}
              error={graphView.isError ? graphView.error.message : layout.error}
              nodes={drawn.nodes.length}
              links={drawn.links.length}
              layoutMs={layout.ms}
              truncated={graphView.data?.truncated === true}
            />
            {trace.traceId && (
              <TraceBar summary={trace.summary} loading={trace.loading} onShow={showNode} onClose={trace.leave} />
            )}
            {!trace.traceId && whatIf.itemId && (
              <WhatIfBar impact={whatIf.impact} onShow={showNode} onClose={whatIf.clear} />
            )}
            {!trace.traceId && !whatIf.itemId && audit.finding && (
              <FindingBar
                finding={audit.finding}
                onClear={audit.clear}
                onWaive={permissions.waive ? () => setWaiving(audit.finding) : undefined}
              />
            )}
            <MapLegend open={legend.open} onToggle={legend.toggle} />
            <DiffOverlayPanel overlay={overlay.diff} />
          </div>
          <SidePanel
            selection={selection}
            editing={editing}
            units={data.units}
            nodesById={nodesById}
            onTrace={trace.trace}
            onShowNode={showNode}
            onLink={linking.openPicker}
            onSaved={onSaved}
            onWhatIf={askWhatIf}
          />
        </div>
        {waiving && (
          <WaiveDialog
            finding={waiving}
            busy={waivers.busy}
            onWaive={(reason, expiresOn) => waivers.waiveFinding(waiving, reason, expiresOn)}
            onCancel={() => setWaiving(null)}
          />
        )}
        <MapDialogs linking={linking} editing={editing} nodesById={nodesById} nodes={graph.nodes} links={graph.links} />
        {menu && (
          <NodeMenu
            at={menu.at}
            node={nodesById.get(menu.id)}
            permissions={permissions}
            onClose={closeMenu}
            onOpen={select}
            onLink={linking.openPicker}
            onTrace={trace.trace}
            onWhatIf={askWhatIf}
            onDelete={editing.requestDelete}
          />
        )}
      </div>
      {selectedNode && (
        <span hidden data-testid="selected-key">
          {selectedNode.key}
        </span>
      )}
      {/* Says where the arrows landed: the selection moves while the focus stays on the map. */}
      <div className="sr-only" role="status" data-testid="map-announcer">
        {selectedNode ? nodeName(selectedNode) : ''}
      </div>
    </MapActionsContext.Provider>
  );
}
