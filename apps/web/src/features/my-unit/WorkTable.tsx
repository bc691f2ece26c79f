import { NODE_HEALTHS, NODE_STATUSES } from '@throughline/domain';
import { useQueryClient } from '@tanstack/react-query';
import type { ApiLink, ApiNode } from '../../api/contract';
import { nodeKeys, useUpdateNode } from '../../api/nodes.queries';
import { describeError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/toast';
import { KIND_NAMES } from './WorkDialog';

const STATE_LABELS: Record<string, string> = {
  approved: 'approved',
  proposed: 'waiting for approval',
  rejected: 'rejected',
};

/** The money a work item carries: a change budget (whole life), a BAU annual cost, an asset's annual value. */
function moneyOf(n: ApiNode): { amount: number | null; label: string } {
  if (n.kind === 'bau') return { amount: n.annualCost ?? null, label: 'a year' };
  if (n.kind === 'asset') return { amount: n.annualValue ?? null, label: 'value a year' };
  return { amount: n.budget ?? null, label: 'budget' };
}

/**
 * The units' work as a table: status and health change in place; each item shows its links to
 * strategy with their state; Edit and "Propose a link" open dialogs.
 */
export function WorkTable(props: {
  work: readonly ApiNode[];
  links: ReadonlyMap<string, ApiLink[]>;
  targets: ReadonlyMap<string, ApiNode>;
  canEdit: (n: ApiNode) => boolean;
  onEdit: (n: ApiNode) => void;
  onPropose: (n: ApiNode) => void;
}) {
  const format = useFormat();
  const update = useUpdateNode();
  const client = useQueryClient();
  const toast = useToast();
  const change = (n: ApiNode, field: 'status' | 'health', value: string) =>
    update.mutate(
      { id: n.id, version: n.version, fields: { [field]: value } },
      {
        onSuccess: (saved) => {
          toast(`${saved.key}: ${field} ${value.replace('_', ' ')}`, 'success');
          void client.invalidateQueries({ queryKey: [...nodeKeys.all, 'unit-work'] });
        },
        onError: (e) => toast(describeError(e), 'error'),
      },
    );
  return (
    <table className="table work-table" data-testid="work-table">
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Status</th>
          <th scope="col">Health</th>
          <th scope="col">Money</th>
          <th scope="col">Links to strategy</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.work.map((n) => {
          const editable = props.canEdit(n);
          const money = moneyOf(n);
          const strategy = (props.links.get(n.id) ?? []).filter((l) => l.fromId === n.id && props.targets.has(l.toId));
          return (
            <tr key={n.id} data-testid={`work-${n.key}`}>
              <th scope="row" className="work-item">
                <span className={`work-kind kind-${n.kind}`}>{KIND_NAMES[n.kind] ?? n.kind}</span>
                <strong>{n.key}</strong> {n.title}
                {n.owner && <div className="muted small">{n.owner}</div>}
              </th>
              <td>
                <select
                  aria-label={`Status of ${n.key}`}
                  value={n.status}
                  disabled={!editable || update.isPending}
                  onChange={(e) => change(n, 'status', e.target.value)}
                >
                  {NODE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {s.replace('_', ' ')}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  aria-label={`Health of ${n.key}`}
                  value={n.health}
                  className={`health-select health-${n.health}`}
                  disabled={!editable || update.isPending}
                  onChange={(e) => change(n, 'health', e.target.value)}
                >
                  {NODE_HEALTHS.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </td>
              <td className="work-money">
                {money.amount === null ? <span className="muted">—</span> : format.money(money.amount)}
                {money.amount !== null && <div className="muted small">{money.label}</div>}
              </td>
              <td>
                {strategy.length === 0 ? (
                  <span className="warn small">serves no objective yet</span>
                ) : (
                  <ul className="work-links">
                    {strategy.map((l) => {
                      const t = props.targets.get(l.toId)!;
                      return (
                        <li key={l.id} className={`work-link state-${l.state}`} title={t.title}>
                          {t.key} <span className="small">· {STATE_LABELS[l.state] ?? l.state}</span>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </td>
              <td className="row-actions">
                {editable && (
                  <>
                    <button type="button" className="btn btn-small" onClick={() => props.onEdit(n)}>
                      Edit<span className="sr-only"> {n.key}</span>
                    </button>
                    <button type="button" className="btn btn-small" onClick={() => props.onPropose(n)}>
                      Propose a link<span className="sr-only"> from {n.key}</span>
                    </button>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
