import type { BulkAnswer, Proposal } from '../../api/proposals.queries';

/** What a bulk decision did to each item: the API re-checks each (cycles, versions) and may refuse some. */
export function BulkResults({
  answer,
  proposals,
  onClose,
}: {
  answer: BulkAnswer;
  proposals: Proposal[];
  onClose: () => void;
}) {
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const done = answer.decision === 'approve' ? answer.approved : answer.rejected;
  return (
    <section
      className={`card bulk-results${answer.failed > 0 ? ' has-failures' : ''}`}
      role="status"
      aria-label="Result of the bulk decision"
      data-testid="bulk-results"
    >
      <div className="section-head">
        <h2>
          {done} {answer.decision === 'approve' ? 'approved' : 'rejected'}
          {answer.failed > 0 && `, ${answer.failed} refused`}
        </h2>
        <button type="button" className="btn btn-small" onClick={onClose}>
          Close
        </button>
      </div>
      <ul>
        {answer.results.map((r) => {
          const p = byId.get(r.id);
          const name = p ? `${p.from.key} → ${p.to.key}` : r.id;
          return (
            <li key={r.id} data-testid="bulk-result" data-ok={r.ok}>
              {r.ok ? '✓' : '✗'} {name}: {r.ok ? (answer.decision === 'approve' ? 'approved' : 'rejected') : r.message}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
