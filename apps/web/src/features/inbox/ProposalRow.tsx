import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Proposal } from '../../api/proposals.queries';
import { useDecideProposal } from '../../api/proposals.queries';
import { describeError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/toast';

const KIND_LABELS: Record<string, string> = {
  theme: 'Theme',
  objective: 'Objective',
  key_result: 'Key result',
  programme: 'Programme',
  project: 'Project',
  bau: 'BAU',
  asset: 'Asset',
};

const LINK_LABELS: Record<string, string> = {
  contributes_to: 'contributes to',
  depends_on: 'depends on',
  part_of: 'is part of',
  delivers: 'delivers',
};

/** One proposal: the work, the target, the proposer's note; approve, or reject with a comment. */
export function ProposalRow(props: { proposal: Proposal; own: boolean; picked: boolean; onPick: () => void }) {
  const { proposal: p, own } = props;
  const format = useFormat();
  const decide = useDecideProposal();
  const toast = useToast();
  const [comment, setComment] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const id = useId();
  // Told through the promise, not mutate's callbacks: the decided row leaves the list (and unmounts) when the
  // inbox refetches, and TanStack drops the callbacks of an unmounted row, toast and all.
  const send = (decision: 'approve' | 'reject') =>
    void decide.mutateAsync({ id: p.id, decision, comment }).then(
      () => toast(`${p.from.key} → ${p.to.key} ${decision === 'approve' ? 'approved' : 'rejected'}`, 'success'),
      (e: unknown) => toast(describeError(e), 'error'),
    );
  return (
    <li className={`card proposal${own ? ' is-own' : ''}`} data-testid={`proposal-${p.from.key}-${p.to.key}`}>
      <div className="proposal-pick">
        <input
          type="checkbox"
          aria-label={`Select ${p.from.key} → ${p.to.key}`}
          checked={props.picked}
          disabled={own}
          onChange={props.onPick}
        />
      </div>
      <div className="proposal-main">
        <div className="proposal-ends">
          <span className={`proposal-end kind-${p.from.kind}`}>
            <span className="proposal-kind">{KIND_LABELS[p.from.kind] ?? p.from.kind}</span>{' '}
            <strong>{p.from.key}</strong> {p.from.title}
            {p.from.businessUnitKey && <span className="muted"> ({p.from.businessUnitKey})</span>}
          </span>
          <span className="proposal-arrow">{LINK_LABELS[p.kind] ?? p.kind} →</span>
          <span className={`proposal-end kind-${p.to.kind}`}>
            <span className="proposal-kind">{KIND_LABELS[p.to.kind] ?? p.to.kind}</span> <strong>{p.to.key}</strong>{' '}
            {p.to.title}
            {p.to.businessUnitKey && <span className="muted"> ({p.to.businessUnitKey})</span>}
          </span>
        </div>
        <blockquote className="proposal-note" aria-label="Interpretation note">
          {p.rationale ? p.rationale : <span className="muted">No note given.</span>}
        </blockquote>
        <div className="muted proposal-meta">
          Proposed by <strong>{p.proposedBy ?? 'unknown'}</strong> on {format.dateTime(p.proposedAt)}
          {p.weight !== null && p.weight !== undefined && <> · weight {format.number(p.weight)}</>}
          {p.crossUnit && <> · cross-unit dependency</>} ·{' '}
          <Link to={`/map?sel=${encodeURIComponent(p.fromId)}`}>see it on the map</Link>
        </div>
        {own ? (
          <p className="proposal-own" data-testid="own-proposal">
            Your own proposal: another PMO lead or admin decides it.
          </p>
        ) : (
          <div className="proposal-decide">
            <label htmlFor={id} className="sr-only">
              Comment on {p.from.key} → {p.to.key}
            </label>
            <input
              id={id}
              type="text"
              placeholder={rejecting ? 'Why it is rejected (required)' : 'Comment for the proposer (optional)'}
              value={comment}
              maxLength={2000}
              onChange={(e) => setComment(e.target.value)}
            />
            <button
              type="button"
              className="btn btn-primary"
              disabled={decide.isPending}
              onClick={() => send('approve')}
            >
              Approve
            </button>
            <button
              type="button"
              className="btn btn-danger-outline"
              disabled={decide.isPending || (rejecting && !comment.trim())}
              onClick={() => (comment.trim() ? send('reject') : setRejecting(true))}
              title={comment.trim() ? undefined : 'A rejection needs a comment for the proposer'}
            >
              Reject
            </button>
            {rejecting && !comment.trim() && (
              <span className="warn small" role="status">
                Say why in the comment, then Reject.
              </span>
            )}
          </div>
        )}
      </div>
    </li>
  );
}
