import { useQuery } from '@tanstack/react-query';
import type { NodeKind } from '@throughline/domain';
import { useMemo, useState } from 'react';
import { businessUnitsQuery } from '../../api/businessUnits.queries';
import type { ApiNode } from '../../api/contract';
import { describeError } from '../../ui/errors';
import { useSignedIn } from '../auth/session';
import { useCan } from '../auth/useCan';
import { ProposeLinkDialog } from './ProposeLinkDialog';
import { useLinksOf, useStrategyTargets, useUnitWork } from './useUnitWork';
import { KIND_NAMES, WorkDialog } from './WorkDialog';
import { WorkTable } from './WorkTable';
import './my-unit.css';

const NEW_KINDS: NodeKind[] = ['project', 'bau', 'asset', 'programme'];

type Dialog = { type: 'new'; kind: NodeKind } | { type: 'edit'; node: ApiNode } | { type: 'propose'; node: ApiNode };

/**
 * `/my-unit` (contributors' home): the parallel work of my business units — projects, BAU and
 * assets — to register and keep current, and to tie to strategy by proposing links. A pmo or
 * admin picks a unit; an executive reads.
 */
export function MyUnitPage() {
  const session = useSignedIn();
  const { can, canEditNode } = useCan();
  const units = useQuery(businessUnitsQuery());
  const own = session.role === 'contributor';
  const [chosen, setChosen] = useState<string>('');
  const unitIds = own ? session.unitIds : chosen ? [chosen] : units.data?.[0] ? [units.data[0].id] : [];
  const work = useUnitWork(unitIds);
  const targets = useStrategyTargets();
  const targetMap = useMemo(() => new Map((targets.data ?? []).map((t) => [t.id, t])), [targets.data]);
  const ids = useMemo(() => work.work.map((n) => n.id), [work.work]);
  const links = useLinksOf(ids);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const writable = (units.data ?? []).filter((u) => can('editWork', u.id));
  const unitNames = (units.data ?? [])
    .filter((u) => unitIds.includes(u.id))
    .map((u) => `${u.key} ${u.name}`)
    .join(', ');
  return (
    <div className="page">
      <div className="page-inner my-unit-inner">
        <h1 className="page-title">{own ? 'My unit' : "A unit's work"}</h1>
        <p className="page-lead">
          {unitNames || (own ? 'You belong to no business unit yet: an admin adds you to one.' : 'Choose a unit.')}{' '}
          {own && unitNames && '· Your projects, BAU activities and assets, and the strategy they serve.'}
        </p>
        <div className="my-unit-toolbar">
          {!own && (
            <label className="field-inline">
              Unit{' '}
              <select value={unitIds[0] ?? ''} onChange={(e) => setChosen(e.target.value)}>
                {(units.data ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.key} — {u.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <span className="header-spacer" />
          {writable.length > 0 &&
            NEW_KINDS.map((kind) => (
              <button key={kind} type="button" className="btn" onClick={() => setDialog({ type: 'new', kind })}>
                Add {KIND_NAMES[kind]}
              </button>
            ))}
        </div>
        {(work.error ?? targets.error) && (
          <p className="form-error" role="alert">
            {describeError(work.error ?? targets.error)}
          </p>
        )}
        {work.isPending && unitIds.length > 0 && <p className="muted">Loading…</p>}
        {!work.isPending && unitIds.length > 0 && work.work.length === 0 && (
          <div className="card">
            <h2>No work registered yet</h2>
            <p className="muted">Add the unit's projects, BAU activities and assets so strategy can see them.</p>
          </div>
        )}
        {work.work.length > 0 && (
          <div className="card my-unit-card">
            <WorkTable
              work={work.work}
              links={links}
              targets={targetMap}
              canEdit={(n) => canEditNode({ kind: n.kind, businessUnitId: n.businessUnitId ?? null })}
              onEdit={(node) => setDialog({ type: 'edit', node })}
              onPropose={(node) => setDialog({ type: 'propose', node })}
            />
          </div>
        )}
      </div>
      {dialog?.type === 'new' && <WorkDialog kind={dialog.kind} units={writable} onClose={() => setDialog(null)} />}
      {dialog?.type === 'edit' && (
        <WorkDialog kind={dialog.node.kind} node={dialog.node} units={writable} onClose={() => setDialog(null)} />
      )}
      {dialog?.type === 'propose' && (
        <ProposeLinkDialog from={dialog.node} targets={targets.data ?? []} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
