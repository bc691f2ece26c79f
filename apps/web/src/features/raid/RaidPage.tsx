import { useQuery } from '@tanstack/react-query';
import { RAID_STATUSES, RAID_TYPES, type RaidItem, type RaidStatus, type RaidType } from '@throughline/domain';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { raidCsvPath, raidQuery, useDeleteRaidItem, type RaidFilters } from '../../api/raid.queries';
import { useCan } from '../auth/useCan';
import { describeError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/toast';
import { RaidForm } from './RaidForm';
import { RaidMatrix } from './RaidMatrix';
import { STATUS_LABELS, TYPE_LABELS } from './labels';
import './raid.css';

/**
 * `/raid` (issue 13): risks, actions, issues and decisions about nodes and links. Everyone reads; pmo, admin and
 * contributors (about their own units' work) log and edit; a pmo or admin deletes.
 */
export function RaidPage() {
  const { role } = useCan();
  // `/raid?nodeId=…` or `?linkId=…` (a badge on the map links here): that node's or link's items.
  const [search] = useSearchParams();
  const [filters, setFilters] = useState<RaidFilters>(() => ({
    nodeId: search.get('nodeId') ?? undefined,
    linkId: search.get('linkId') ?? undefined,
    // `?red=true`: the dashboard's "open red risks" figure opens on them.
    red: search.get('red') === 'true' || undefined,
  }));
  const [view, setView] = useState<'list' | 'matrix'>('list');
  const [editing, setEditing] = useState<RaidItem | 'new' | null>(null);
  const list = useQuery(raidQuery(filters));
  const items = list.data ?? [];
  const writer = role === 'admin' || role === 'pmo' || role === 'contributor';
  const set = (patch: RaidFilters) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <div className="page">
      <div className="page-inner">
        <div className="section-head">
          <h1 className="page-title">RAID log</h1>
          <div className="raid-actions">
            {/* The list as filtered, for a spreadsheet; cells that could run as formulas are escaped by the API. */}
            <a className="btn" href={raidCsvPath(filters)} download="raid-log.csv">
              Download CSV
            </a>
            {writer && (
              <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
                New item
              </button>
            )}
          </div>
        </div>
        <p className="page-lead">
          Risks, actions, issues and decisions about the map’s nodes and links. A risk is red when likelihood × impact
          is 15 or more; an item whose node or link was deleted stays, flagged as detached.
        </p>
        <div className="form-row raid-filters" role="search">
          <label className="field">
            <span className="field-label">Type</span>
            <select value={filters.type ?? ''} onChange={(e) => set({ type: e.target.value as RaidType | '' })}>
              <option value="">All</option>
              {RAID_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Status</span>
            <select value={filters.status ?? ''} onChange={(e) => set({ status: e.target.value as RaidStatus | '' })}>
              <option value="">All</option>
              {RAID_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="raid-check">
            <input type="checkbox" checked={!!filters.overdue} onChange={(e) => set({ overdue: e.target.checked })} />
            Overdue only
          </label>
          <label className="raid-check">
            <input type="checkbox" checked={!!filters.red} onChange={(e) => set({ red: e.target.checked })} />
            Red risks only
          </label>
          <div className="raid-view" role="group" aria-label="View">
            <button
              type="button"
              className={`btn btn-small${view === 'list' ? ' is-active' : ''}`}
              onClick={() => setView('list')}
            >
              List
            </button>
            <button
              type="button"
              className={`btn btn-small${view === 'matrix' ? ' is-active' : ''}`}
              onClick={() => setView('matrix')}
            >
              Risk matrix
            </button>
          </div>
        </div>
        {list.isPending && <p className="muted">Loading…</p>}
        {list.error && (
          <p className="form-error" role="alert">
            {describeError(list.error)}
          </p>
        )}
        {list.data && items.length === 0 && (
          <p className="muted">Nothing logged{filters.type || filters.status ? ' that matches' : ''}.</p>
        )}
        {items.length > 0 && view === 'list' && <RaidTable items={items} onEdit={writer ? setEditing : undefined} />}
        {list.data && view === 'matrix' && <RaidMatrix items={items} />}
        {editing && <RaidForm item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      </div>
    </div>
  );
}

function RaidTable({ items, onEdit }: { items: RaidItem[]; onEdit?: (item: RaidItem) => void }) {
  const format = useFormat();
  const { role } = useCan();
  const remove = useDeleteRaidItem();
  const toast = useToast();
  return (
    <table className="table raid-table" data-testid="raid-items">
      <thead>
        <tr>
          <th>Type</th>
          <th>Title</th>
          <th>Attached to</th>
          <th>Owner</th>
          <th>Status</th>
          <th>Due</th>
          <th className="num">Score</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-testid="raid-item" className={item.overdue ? 'is-overdue' : undefined}>
            <td>{TYPE_LABELS[item.type]}</td>
            <td>
              {item.title}
              {item.type === 'decision' && item.decidedOn && (
                <div className="muted">
                  Decided {format.date(item.decidedOn)}
                  {item.decidedBy ? ` by ${item.decidedBy}` : ''}
                </div>
              )}
            </td>
            <td>
              {item.attachments.map((a) => (
                <div key={a.id} className={a.detachedAt ? 'raid-detached' : undefined}>
                  {a.label}
                  {a.detachedAt && <span className="raid-flag is-detached"> detached</span>}
                </div>
              ))}
            </td>
            <td>{item.owner ?? '—'}</td>
            <td>{STATUS_LABELS[item.status]}</td>
            <td>
              {item.dueDate ? format.date(item.dueDate) : '—'}
              {item.overdue && <span className="raid-flag is-overdue"> overdue</span>}
            </td>
            <td className="num">
              {item.score ?? '—'}
              {item.red && <span className="raid-flag is-red"> red</span>}
            </td>
            <td className="row-actions">
              {onEdit && (
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => onEdit(item)}
                  aria-label={`Edit ${item.title}`}
                >
                  Edit
                </button>
              )}
              {(role === 'admin' || role === 'pmo') && (
                <button
                  type="button"
                  className="btn btn-small btn-danger-outline"
                  aria-label={`Delete ${item.title}`}
                  onClick={() => remove.mutate(item.id, { onError: (e) => toast(describeError(e), 'error') })}
                >
                  Delete
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
