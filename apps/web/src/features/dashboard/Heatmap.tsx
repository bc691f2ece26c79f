import { useQuery } from '@tanstack/react-query';
import { Fragment, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { cellWorkQuery, type Dashboard, type HeatmapCell, type HeatmapObjective } from '../../api/dashboard.queries';
import { describeError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { compactMoney, paintTiming, shade } from './figures';

type Measure = 'money' | 'count';

const cellKey = (objectiveId: string, unitId: string | null) => `${objectiveId}|${unitId ?? ''}`;

const items = (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`;

/** The map showing an objective's chain with one of its work items selected. */
export const chainOnMap = (objectiveId: string, nodeId?: string) =>
  `/map?scope=chain&root=${encodeURIComponent(objectiveId)}${nodeId ? `&sel=${encodeURIComponent(nodeId)}` : ''}`;

/**
 * Objectives (grouped by theme in priority order) × business units: each cell is the money or the
 * count of that unit's active work in the objective's delivery. An objective with no delivery at
 * all is a row that stands out; a click on a cell lists the work behind it.
 */
export function Heatmap({ heatmap }: { heatmap: Dashboard['heatmap'] }) {
  const format = useFormat();
  const [measure, setMeasure] = useState<Measure>('money');
  const [open, setOpen] = useState<{ objective: HeatmapObjective; cell: HeatmapCell } | null>(null);
  const cells = useMemo(
    () => new Map(heatmap.cells.map((c) => [cellKey(c.objectiveId, c.businessUnitId), c])),
    [heatmap.cells],
  );
  const max = Math.max(0, ...heatmap.cells.map((c) => c[measure]));
  const units = heatmap.businessUnits;
  const show = (c: HeatmapCell) => (measure === 'money' ? compactMoney(c.money, format) : format.number(c.count));
  return (
    <section className="card dashboard-section" aria-labelledby="heatmap-title" data-testid="heatmap">
      <div className="section-head">
        <h2 id="heatmap-title">Coverage heatmap</h2>
        <div className="toggle" role="group" aria-label="Colour cells by">
          {(['money', 'count'] as const).map((m) => (
            <button
              key={m}
              type="button"
              className={`chip${measure === m ? ' is-active' : ''}`}
              aria-pressed={measure === m}
              onClick={() => setMeasure(m)}
            >
              {m === 'money' ? 'Money' : 'Count'}
            </button>
          ))}
        </div>
      </div>
      <p className="muted section-note">
        Each cell: the {measure === 'money' ? 'budgets and annual costs' : 'number'} of a unit's active work in an
        objective's delivery. Rows marked “no delivery” have nothing at all. Click a cell for its work.
      </p>
      <div className="heatmap-scroll">
        <table className="heatmap">
          <thead>
            <tr>
              <th scope="col">Objective</th>
              {units.map((u) => (
                <th scope="col" key={u.id ?? 'none'} title={u.name ?? 'Work without a business unit'}>
                  {u.key ?? 'No unit'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {heatmap.groups.map((group) => (
              <Fragment key={group.theme?.nodeId ?? 'no-theme'}>
                <tr className="heatmap-theme">
                  <th scope="rowgroup" colSpan={units.length + 1}>
                    {group.theme ? `${group.theme.key} · ${group.theme.title}` : 'Objectives under no theme'}
                  </th>
                </tr>
                {group.objectives.map((o) => (
                  <tr
                    key={o.nodeId}
                    className={o.empty ? 'heatmap-empty' : undefined}
                    data-testid={`heatmap-row-${o.key}`}
                  >
                    <th scope="row" className="heatmap-objective" {...paintTiming('dashboard-heatmap-row')}>
                      <span className="heatmap-key">{o.key}</span> {o.title}
                      {o.empty && <span className="pill pill-rejected heatmap-gap">no delivery</span>}
                    </th>
                    {units.map((u) => {
                      const cell = cells.get(cellKey(o.nodeId, u.id));
                      const label = `${o.key} × ${u.key ?? 'no unit'}`;
                      if (!cell)
                        return (
                          <td key={u.id ?? 'none'} className="heatmap-cell shade-0">
                            <span className="sr-only">{label}: none</span>
                          </td>
                        );
                      const summary = `${items(cell.count)}, ${format.money(cell.money)}`; // once: ~1,000 cells
                      return (
                        <td key={u.id ?? 'none'} className={`heatmap-cell shade-${shade(cell[measure], max)}`}>
                          <button
                            type="button"
                            data-testid={`cell-${o.key}-${u.key ?? 'none'}`}
                            data-count={cell.count}
                            data-money={cell.money}
                            aria-label={`${show(cell)}: ${label}, ${summary}`}
                            title={summary}
                            onClick={() => setOpen({ objective: o, cell })}
                          >
                            {show(cell)}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {open && (
        <CellWork
          objective={open.objective}
          cell={open.cell}
          unit={units.find((u) => u.id === open.cell.businessUnitId)?.name ?? 'No unit'}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}

/** The work behind one cell (asked for when the cell is opened), each item leading to the objective's chain on the map. */
function CellWork(props: { objective: HeatmapObjective; cell: HeatmapCell; unit: string; onClose: () => void }) {
  const format = useFormat();
  const work = useQuery(cellWorkQuery(props.objective.nodeId, props.cell.businessUnitId));
  return (
    <div className="cell-work" data-testid="cell-work" role="region" aria-label="Work behind the cell">
      <div className="section-head">
        <h3>
          {props.objective.key} · {props.unit}: {items(props.cell.count)}, {format.money(props.cell.money)}
        </h3>
        <button type="button" className="btn btn-small" onClick={props.onClose}>
          Close
        </button>
      </div>
      {work.isPending && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {work.error && (
        <p className="form-error" role="alert">
          {describeError(work.error)}
        </p>
      )}
      {work.data && (
        <ul>
          {work.data.items.map((n) => (
            <li key={n.nodeId}>
              <span className="heatmap-key">{n.key}</span> {n.title}
              {n.money !== null && <span className="muted"> · {format.money(n.money)}</span>}{' '}
              <Link to={chainOnMap(props.objective.nodeId, n.nodeId)}>Open its chain on the map</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
