import { useQuery } from '@tanstack/react-query';
import type { ChangedRecord, NumberDelta, RecordDiff, SnapshotRecord } from '@throughline/domain';
import { snapshotDiffQuery } from '../../api/snapshots.queries';
import { describeError } from '../../ui/errors';
import { percent, signed } from './percent';

/** The diff of two snapshots (or one and now): counts, then what was added, removed and changed field by field. */
export function SnapshotDiffView({ from, to }: { from: string; to: string }) {
  const diff = useQuery(snapshotDiffQuery(from, to));
  if (diff.isPending) return <p className="muted">Comparing…</p>;
  if (diff.error)
    return (
      <p className="form-error" role="alert">
        {describeError(diff.error)}
      </p>
    );
  const d = diff.data;
  // Names for the links' ends: a link's nodes may be gone from one side, so both sides' nodes are looked at.
  const names = new Map<string, string>(Object.entries(d.names ?? {}).map(([id, n]) => [id, nodeName({ id, ...n })]));
  for (const node of [...d.nodes.removed, ...d.nodes.added, ...d.nodes.changed.map((c) => c.record)])
    names.set(node.id, nodeName(node));
  return (
    <div className="snapshot-diff" data-testid="snapshot-diff">
      <dl className="snapshot-counts" data-testid="diff-counts">
        <Count label="Nodes added" value={d.counts.nodes.added} tone="added" />
        <Count label="Nodes removed" value={d.counts.nodes.removed} tone="removed" />
        <Count label="Nodes changed" value={d.counts.nodes.changed} tone="changed" />
        <Count label="Links added" value={d.counts.links.added} tone="added" />
        <Count label="Links removed" value={d.counts.links.removed} tone="removed" />
        <Count label="Links changed" value={d.counts.links.changed} tone="changed" />
      </dl>
      <table className="table snapshot-deltas" data-testid="diff-deltas">
        <thead>
          <tr>
            <th>Figure</th>
            <th className="num">From</th>
            <th className="num">To</th>
            <th className="num">Change</th>
          </tr>
        </thead>
        <tbody>
          <Delta label="Objectives covered" delta={d.coverage.objectivesCovered} />
          <Delta label="Objective coverage" delta={d.coverage.objectivesShare} share />
          <Delta label="Work aligned (count)" delta={d.coverage.workAlignedByCountShare} share />
          <Delta label="Work aligned (money)" delta={d.coverage.workAlignedByMoneyShare} share />
          <Delta label="Audit errors" delta={d.audit.error} />
          <Delta label="Audit warnings" delta={d.audit.warning} />
        </tbody>
      </table>
      <Records title="Nodes" diff={d.nodes} name={nodeName} />
      <Records title="Links" diff={d.links} name={(link) => linkName(link, names)} />
    </div>
  );
}

function Count({ label, value, tone }: { label: string; value: number; tone: string }) {
  return (
    <div className={`snapshot-count is-${tone}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Delta({ label, delta, share = false }: { label: string; delta: NumberDelta; share?: boolean }) {
  const show = (n: number | null) => (share ? percent(n) : n === null ? '—' : String(n));
  return (
    <tr>
      <td>{label}</td>
      <td className="num">{show(delta.from)}</td>
      <td className="num">{show(delta.to)}</td>
      <td className="num">{signed(delta.delta, share)}</td>
    </tr>
  );
}

function Records({ title, diff, name }: { title: string; diff: RecordDiff; name: (r: SnapshotRecord) => string }) {
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) return null;
  return (
    <section className="snapshot-records" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {diff.added.map((r) => (
          <li key={r.id} className="is-added" data-testid="diff-added">
            <span className="diff-mark">Added</span> {name(r)}
          </li>
        ))}
        {diff.removed.map((r) => (
          <li key={r.id} className="is-removed" data-testid="diff-removed">
            <span className="diff-mark">Removed</span> {name(r)}
          </li>
        ))}
        {diff.changed.map((c) => (
          <Changed key={c.id} change={c} name={name(c.record)} />
        ))}
      </ul>
    </section>
  );
}

function Changed({ change, name }: { change: ChangedRecord; name: string }) {
  return (
    <li className="is-changed" data-testid="diff-changed">
      <span className="diff-mark">Changed</span> {name}
      <ul className="diff-fields">
        {change.changes.map((f) => (
          <li key={f.field}>
            <code>{f.field}</code>: {show(f.from)} → {show(f.to)}
          </li>
        ))}
      </ul>
    </li>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function nodeName(node: SnapshotRecord): string {
  return `${String(node.key)} — ${String(node.title)}`;
}

export function linkName(link: SnapshotRecord, names: Map<string, string>): string {
  const end = (id: unknown) => names.get(String(id)) ?? String(id).slice(0, 8);
  return `${end(link.fromId)} ${String(link.kind).replace('_', ' ')} ${end(link.toId)}`;
}
