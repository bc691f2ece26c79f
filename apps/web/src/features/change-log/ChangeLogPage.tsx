import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { changeLogQuery, type ChangeLogFilter } from '../../api/changeLog.queries';
import { membersQuery } from '../../api/members.queries';
import { describeError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { ACTION_LABELS, changedFields, ENTITY_LABELS, entityLabel, entityName } from './describeChange';
import './change-log.css';

const FILTERS = ['actor', 'entityType', 'action', 'from', 'to'] as const;

/** `/change-log` (admins): every change in the organisation, who made it and when; filters live in the URL. */
export function ChangeLogPage() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => {
    const f: ChangeLogFilter = {};
    for (const name of FILTERS) {
      const value = params.get(name);
      if (value) f[name] = value;
    }
    return f;
  }, [params]);
  const set = (name: (typeof FILTERS)[number], value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const log = useInfiniteQuery(changeLogQuery(filter));
  const members = useQuery(membersQuery());
  const format = useFormat();
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const filtered = Object.keys(filter).length > 0;

  return (
    <div className="page">
      <div className="page-inner page-wide">
        <h1 className="page-title">Change log</h1>
        <p className="page-lead">Every change to the organisation's portfolio, newest first, with who made it.</p>
        <form className="card change-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
          <label className="field">
            <span className="field-label">Who</span>
            <input
              list="change-log-actors"
              placeholder="anyone"
              defaultValue={filter.actor ?? ''}
              onBlur={(e) => set('actor', e.target.value.trim())}
              onKeyDown={(e) => e.key === 'Enter' && set('actor', e.currentTarget.value.trim())}
              aria-label="Who"
            />
            <datalist id="change-log-actors">
              {members.data?.map((m) => (
                <option key={m.userId} value={m.name} />
              ))}
            </datalist>
          </label>
          <label className="field">
            <span className="field-label">What</span>
            <select
              aria-label="What"
              value={filter.entityType ?? ''}
              onChange={(e) => set('entityType', e.target.value)}
            >
              <option value="">everything</option>
              {Object.entries(ENTITY_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Change</span>
            <select aria-label="Change" value={filter.action ?? ''} onChange={(e) => set('action', e.target.value)}>
              <option value="">any</option>
              {Object.entries(ACTION_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">From</span>
            <input
              type="date"
              aria-label="From"
              value={filter.from ?? ''}
              onChange={(e) => set('from', e.target.value)}
            />
          </label>
          <label className="field">
            <span className="field-label">To</span>
            <input type="date" aria-label="To" value={filter.to ?? ''} onChange={(e) => set('to', e.target.value)} />
          </label>
          {filtered && (
            <button type="button" className="btn" onClick={() => setParams({}, { replace: true })}>
              Clear filters
            </button>
          )}
        </form>
        {log.isPending && <p className="muted">Loading…</p>}
        {log.isError && <p className="bad">{describeError(log.error)}</p>}
        {log.isSuccess && entries.length === 0 && (
          <p className="muted" data-testid="change-log-empty">
            {filtered ? 'No change matches these filters.' : 'Nothing has changed yet.'}
          </p>
        )}
        {entries.length > 0 && (
          <section className="card">
            <table className="table change-log" data-testid="change-log">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Who</th>
                  <th>What</th>
                  <th>Details</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => {
                  const fields =
                    entry.action === 'update' ? changedFields(entry.before, entry.after, entry.entityType) : [];
                  return (
                    <tr key={entry.id} data-testid="change-log-entry">
                      <td className="nowrap">{format.dateTime(entry.at)}</td>
                      <td>{entry.actor}</td>
                      <td>
                        {entityLabel(entry)} <strong>{entityName(entry, (day) => format.date(day))}</strong>{' '}
                        <span className={`pill change-${entry.action}`}>
                          {ACTION_LABELS[entry.action] ?? entry.action}
                        </span>
                      </td>
                      <td className="change-fields">
                        {fields.map((line) => (
                          <div key={line}>{line}</div>
                        ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="form-actions">
              {log.hasNextPage ? (
                <button
                  type="button"
                  className="btn"
                  disabled={log.isFetchingNextPage}
                  onClick={() => void log.fetchNextPage()}
                >
                  {log.isFetchingNextPage ? 'Loading…' : 'Older changes'}
                </button>
              ) : (
                <span className="muted">{entries.length} changes — the beginning of the log.</span>
              )}
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
