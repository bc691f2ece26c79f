import type { UnitAccountability } from '../../api/dashboard.queries';
import { useFormat } from '../../ui/format';
import { percent } from './figures';

/**
 * Per business unit (issue 12, "who supports the parallel activity, who oversees dependencies"):
 * its work, how much of it serves strategy, which objectives, its open cross-unit dependencies, and
 * the people named for it.
 */
export function Accountability({ units }: { units: UnitAccountability[] }) {
  const format = useFormat();
  return (
    <section
      className="card dashboard-section accountability"
      id="accountability"
      aria-labelledby="accountability-title"
      data-testid="accountability"
    >
      <h2 id="accountability-title">Accountability by business unit</h2>
      <p className="muted section-note">
        Open dependencies are cross-unit “depends on” links not yet acknowledged by the unit depended on: given = this
        unit waits on another, received = another waits on this unit.
      </p>
      <div className="heatmap-scroll">
        <table className="table accountability-table">
          <thead>
            <tr>
              <th scope="col">Unit</th>
              <th scope="col">Work</th>
              <th scope="col">Aligned (count / money)</th>
              <th scope="col">Objectives served</th>
              <th scope="col">Accountable for</th>
              <th scope="col">Open dependencies (given / received)</th>
              <th scope="col">Named owners</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.unit.id} data-testid={`accountability-${u.unit.key}`}>
                <th scope="row">
                  <strong>{u.unit.key}</strong> {u.unit.name}
                  <div className="muted small">Owner: {u.unit.ownerName ?? 'none named'}</div>
                </th>
                <td>
                  {format.number(u.work.count)} items
                  <div className="muted small">{format.money(u.work.money)}</div>
                </td>
                <td>
                  {percent(u.alignment.count, format.locale)} / {percent(u.alignment.money, format.locale)}
                </td>
                <td>{u.objectivesServed.map((o) => o.key).join(', ') || <span className="warn">none</span>}</td>
                <td>{u.accountableFor.map((o) => o.key).join(', ') || <span className="muted">none</span>}</td>
                <td>
                  <span className={u.dependencies.given > 0 ? 'warn' : undefined}>{u.dependencies.given}</span> /{' '}
                  <span className={u.dependencies.received > 0 ? 'warn' : undefined}>{u.dependencies.received}</span>
                </td>
                <td className="small">{u.owners.join(', ') || <span className="muted">none</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
