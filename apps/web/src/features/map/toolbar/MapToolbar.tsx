import type { AuditSummary, BusinessUnitRecord, GraphNode } from '@throughline/domain';
import { memo } from 'react';
import type { ImageFormat } from '../exportImage';
import type { Undo } from '../hooks/useUndo';
import type { MapFilters } from '../model/filters';
import type { GroupBy } from '../model/groups';
import type { MapScope, MapUrlState } from '../useMapUrl';
import { FilterBar } from './FilterBar';
import { ScopePicker } from './ScopePicker';
import { SearchBox, type SearchHit } from './SearchBox';
import './toolbar.css';

interface MapToolbarProps {
  url: MapUrlState;
  /** What is drawn: the URL's scope, or the one the API chose for `auto`. */
  scope: MapScope | null;
  root: GraphNode | undefined;
  units: readonly BusinessUnitRecord[];
  themes: readonly GraphNode[];
  drawn: readonly GraphNode[];
  audit: AuditSummary | undefined;
  exporting: boolean;
  onScope: (scope: MapScope, target?: string) => void;
  onFilter: (name: keyof MapFilters, value: string | null) => void;
  onSearch: (hit: SearchHit) => void;
  onTrace: () => void;
  onAudit: () => void;
  onRelayout: () => void;
  onExport: (format: ImageFormat) => void;
  /** Group boxes by theme, programme or unit (null: none), or swimlanes by unit on or off. */
  onGroup: (change: { groupBy?: GroupBy | null; lanes?: boolean }) => void;
  undo: Pick<Undo, 'undo' | 'redo' | 'undoLabel' | 'redoLabel' | 'pending'>;
}

/** The bar above the map: what is drawn (view, filters), search, and what to do with it. */
export const MapToolbar = memo(function MapToolbar(props: MapToolbarProps) {
  const { url, scope, root, units, themes, drawn, audit, exporting, undo } = props;
  const errors = audit?.error ?? 0;
  const warnings = audit?.warning ?? 0;
  return (
    <div className="map-toolbar">
      <ScopePicker
        scope={scope}
        rootId={url.rootId}
        unitId={url.unitId}
        root={root}
        units={units}
        onChange={props.onScope}
      />
      <FilterBar filters={url.filters} units={units} themes={themes} onChange={props.onFilter} />
      <GroupControls groupBy={url.groupBy} lanes={url.lanes} onChange={props.onGroup} />
      <SearchBox nodes={drawn} onPick={props.onSearch} />
      <div className="toolbar-actions">
        <button
          type="button"
          className="btn btn-icon"
          onClick={undo.undo}
          disabled={!undo.undoLabel || undo.pending}
          aria-label={undo.undoLabel ? `Undo ${undo.undoLabel}` : 'Undo'}
          title={undo.undoLabel ? `Undo: ${undo.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
          data-testid="undo"
        >
          ↶
        </button>
        <button
          type="button"
          className="btn btn-icon"
          onClick={undo.redo}
          disabled={!undo.redoLabel || undo.pending}
          aria-label={undo.redoLabel ? `Redo ${undo.redoLabel}` : 'Redo'}
          title={undo.redoLabel ? `Redo: ${undo.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
          data-testid="redo"
        >
          ↷
        </button>
        <button
          type="button"
          className={`btn${url.traceId ? ' is-active' : ''}`}
          aria-pressed={!!url.traceId}
          disabled={!url.selectedId && !url.traceId}
          onClick={props.onTrace}
          title="Highlight the chain through the selected node (double-click a node, or press T)"
        >
          Trace
        </button>
        <button
          type="button"
          className={`btn${url.auditOpen ? ' is-active' : ''}`}
          aria-pressed={url.auditOpen}
          onClick={props.onAudit}
          data-testid="audit-toggle"
        >
          Audit
          {errors > 0 && <span className="count count-error">{errors}</span>}
          {warnings > 0 && <span className="count count-warning">{warnings}</span>}
        </button>
        <button
          type="button"
          className="btn"
          onClick={props.onRelayout}
          title="Lay the view out again (forgets the nodes you moved in it)"
        >
          Re-layout
        </button>
        <button type="button" className="btn" onClick={() => props.onExport('png')} disabled={exporting}>
          PNG
        </button>
        <button type="button" className="btn" onClick={() => props.onExport('svg')} disabled={exporting}>
          SVG
        </button>
      </div>
    </div>
  );
});

/** "Group by" (boxes around a theme's, programme's or unit's nodes) and the swimlanes toggle. */
function GroupControls({
  groupBy,
  lanes,
  onChange,
}: {
  groupBy: GroupBy | undefined;
  lanes: boolean;
  onChange: MapToolbarProps['onGroup'];
}) {
  return (
    <div className="group-controls" role="group" aria-label="Grouping">
      <label>
        <span>Group by</span>
        <select
          aria-label="Group by"
          value={groupBy ?? ''}
          disabled={lanes}
          title={lanes ? 'Swimlanes group the work by business unit' : undefined}
          onChange={(e) => onChange({ groupBy: (e.target.value || null) as GroupBy | null })}
          data-testid="group-by"
        >
          <option value="">No grouping</option>
          <option value="theme">Group by theme</option>
          <option value="programme">Group by programme</option>
          <option value="unit">Group by unit</option>
        </select>
      </label>
      <button
        type="button"
        className={`btn${lanes ? ' is-active' : ''}`}
        aria-pressed={lanes}
        onClick={() => onChange({ lanes: !lanes })}
        title="Lay delivery work out in one lane per business unit, strategy on top"
        data-testid="swimlanes"
      >
        Swimlanes
      </button>
    </div>
  );
}
