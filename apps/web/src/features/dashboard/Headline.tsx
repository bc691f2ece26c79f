import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Dashboard } from '../../api/dashboard.queries';
import { useFormat } from '../../ui/format';
import { compactMoney, paintTiming, percent } from './figures';

/**
 * The figures an executive asks first (issue 12), each with the count it is made of, and the open red risks of the
 * RAID log (issue 13; `undefined` while they are asked for: they never hold the other figures back).
 */
export function Headline({ headline, redRisks }: { headline: Dashboard['headline']; redRisks?: number }) {
  const format = useFormat();
  const { objectiveCoverage: cov, alignmentByCount: count, alignmentByMoney: money } = headline;
  const gap = headline.optimismGap;
  return (
    <section className="headline" aria-label="Headline figures" data-testid="headline">
      <Figure
        testId="figure-coverage"
        label="Objective coverage"
        value={percent(cov.share, format.locale)}
        detail={`${format.number(cov.covered)} of ${format.number(cov.total)} active objectives have delivery`}
        tone={cov.share !== null && cov.share < 1 ? 'warn' : undefined}
      />
      <Figure
        testId="figure-alignment-count"
        label="Work aligned (count)"
        value={percent(count.share, format.locale)}
        detail={`${format.number(count.aligned)} of ${format.number(count.total)} active work items serve an objective`}
      />
      <Figure
        testId="figure-alignment-money"
        label="Work aligned (money)"
        value={percent(money.share, format.locale)}
        detail={`${format.money(money.aligned)} of ${format.money(money.total)}`}
      />
      <Figure
        testId="figure-unaligned-money"
        label="Money serving no objective"
        value={compactMoney(headline.unalignedMoney, format)}
        detail={`${format.money(headline.unalignedMoney)}: budgets and annual costs of active work that serves no objective`}
        tone={headline.unalignedMoney > 0 ? 'warn' : undefined}
      />
      <Figure
        testId="figure-open-errors"
        label="Open errors in the audit"
        value={format.number(headline.openErrors)}
        detail="Error findings not waived"
        tone={headline.openErrors > 0 ? 'bad' : undefined}
      />
      <Figure
        testId="figure-optimism-gap"
        label="Optimism gap"
        value={format.number(gap.count)}
        detail={
          gap.count === 0
            ? 'No objective is reported healthier than its delivery'
            : `Reported healthier than their delivery: ${listed(gap.objectives.map((o) => o.key))}`
        }
        tone={gap.count > 0 ? 'warn' : undefined}
      />
      <Figure
        testId="figure-red-risks"
        label="Open red risks"
        value={redRisks === undefined ? '…' : format.number(redRisks)}
        detail={
          <>
            Risks on the map’s nodes and links scored 15 or more (likelihood × impact), not closed.{' '}
            <Link to="/raid?red=true">See them in the RAID log</Link>
          </>
        }
        tone={redRisks ? 'bad' : undefined}
      />
    </section>
  );
}

function Figure(props: { testId: string; label: string; value: string; detail: ReactNode; tone?: 'warn' | 'bad' }) {
  return (
    <div className={`figure${props.tone ? ` figure-${props.tone}` : ''}`} data-testid={props.testId}>
      <div className="figure-label">{props.label}</div>
      <div className="figure-value" {...paintTiming(`dashboard-${props.testId}`)}>
        {props.value}
      </div>
      <div className="figure-detail">{props.detail}</div>
    </div>
  );
}

/** "OBJ-1, OBJ-2, OBJ-3 and 19 more": a figure's note stays a note on a large organisation. */
function listed(keys: string[], shown = 5): string {
  return keys.length <= shown ? keys.join(', ') : `${keys.slice(0, shown).join(', ')} and ${keys.length - shown} more`;
}
