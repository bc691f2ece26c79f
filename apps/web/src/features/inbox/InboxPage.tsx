import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { BulkAnswer, Proposal } from '../../api/proposals.queries';
import { proposalsQuery, useDecideProposals } from '../../api/proposals.queries';
import { describeError } from '../../ui/errors';
import { useToast } from '../../ui/toast';
import { useSignedIn } from '../auth/session';
import { BulkResults } from './BulkResults';
import { ProposalRow } from './ProposalRow';
import './inbox.css';

/**
 * `/inbox` (pmo, admin): proposed links oldest first. Each is approved or rejected with a comment;
 * several may be approved at once, each re-checked by the API and reported on its own. Nobody
 * decides their own proposal: those rows say so and cannot be picked.
 */
export function InboxPage() {
  const session = useSignedIn();
  const proposals = useQuery(proposalsQuery());
  const bulk = useDecideProposals();
  const toast = useToast();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [answer, setAnswer] = useState<{ answer: BulkAnswer; proposals: Proposal[] } | null>(null);
  const items = proposals.data ?? [];
  const isOwn = (p: Proposal) => !!p.proposedById && p.proposedById === session.user.id;
  const decidable = items.filter((p) => !isOwn(p));
  const chosen = items.filter((p) => picked.has(p.id));
  const toggle = (id: string) =>
    setPicked((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const approvePicked = () => {
    const snapshot = chosen;
    bulk.mutate(
      { ids: snapshot.map((p) => p.id), decision: 'approve' },
      {
        onSuccess: (result) => {
          setAnswer({ answer: result, proposals: snapshot });
          setPicked(new Set());
        },
        onError: (e) => toast(describeError(e), 'error'),
      },
    );
  };
  return (
    <div className="page">
      <div className="page-inner inbox-inner">
        <h1 className="page-title">Approval inbox</h1>
        <p className="page-lead">
          Links proposed by business units, oldest first. An approved link counts in the chain, the audit and the
          dashboard at once; a rejected one stays as a record and counts nowhere.
        </p>
        {answer && <BulkResults {...answer} onClose={() => setAnswer(null)} />}
        {proposals.isPending && <p className="muted">Loading…</p>}
        {proposals.error && (
          <p className="form-error" role="alert">
            {describeError(proposals.error)}
          </p>
        )}
        {proposals.data && items.length === 0 && (
          <div className="card" data-testid="inbox-empty">
            <h2>Nothing waiting</h2>
            <p className="muted">Every proposal has been decided.</p>
          </div>
        )}
        {items.length > 0 && (
          <>
            <div className="inbox-toolbar">
              <label className="inbox-pick-all">
                <input
                  type="checkbox"
                  checked={decidable.length > 0 && decidable.every((p) => picked.has(p.id))}
                  onChange={(e) => setPicked(new Set(e.target.checked ? decidable.map((p) => p.id) : []))}
                />{' '}
                Select all I may decide ({decidable.length})
              </label>
              <button
                type="button"
                className="btn btn-primary"
                disabled={chosen.length === 0 || bulk.isPending}
                onClick={approvePicked}
                data-testid="bulk-approve"
              >
                {bulk.isPending ? 'Approving…' : `Approve selected (${chosen.length})`}
              </button>
            </div>
            <ul className="proposal-list" data-testid="proposals">
              {items.map((p) => (
                <ProposalRow
                  key={p.id}
                  proposal={p}
                  own={isOwn(p)}
                  picked={picked.has(p.id)}
                  onPick={() => toggle(p.id)}
                />
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
