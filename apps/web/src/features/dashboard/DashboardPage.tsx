import { CoverageTrend, loadTrendChart } from './CoverageTrend';
import { useQuery } from '@tanstack/react-query';
import { lazy, startTransition, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { dashboardQuery, dashboardRedRisksQuery } from '../../api/dashboard.queries';
import { describeError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { useSignedIn } from '../auth/session';
import { Accountability } from './Accountability';
import { warmFormatters } from './figures';
import { Headline } from './Headline';
import { Heatmap } from './Heatmap';
import { ObjectiveCards } from './ObjectiveCards';
import './dashboard.css';

// The chart library is the heaviest thing here (372 kB): it loads once the heatmap is drawn, not before it (or the
// map) — its script run on arrival held the heatmap back.
const loadMix = () => import('./InvestmentMix');
const InvestmentMix = lazy(() => loadMix().then((m) => ({ default: m.InvestmentMix })));

/** The page's charts (recharts), loaded up front where every page is (tests). */
export const loadDashboardCharts = () => Promise.all([loadMix(), loadTrendChart()]);

/**
 * `/dashboard` (every role; the executives' home): how covered the strategy is, where the holes
 * are, who delivers what and where the money goes, on one screen that also prints as a board page.
 */
export function DashboardPage() {
  const session = useSignedIn();
  const format = useFormat();
  const dashboard = useQuery(dashboardQuery());
  // The headline first, painted: the heatmap follows in a second render once a frame has shown the figures (a
  // deferred render alone ran before Chromium painted them, so both appeared together) — and the sections below it
  // in a third (`AfterPaint`).
  const rest = usePaintedFirst(dashboard.data);
  // The RAID log's red risks (each objective's chain worked out by the API): their own request, beside the figures,
  // never before them.
  const red = useQuery(dashboardRedRisksQuery());
  const chainRisks = useMemo(
    () => (red.data ? new Map(red.data.objectives.map((o) => [o.objectiveId, o.count])) : undefined),
    [red.data],
  );
  useOpenDetailsForPrint();
  // While the figures are on their way (the main thread is idle then), the formatters the heatmap will need.
  const arrived = dashboard.data !== undefined;
  useEffect(() => {
    if (arrived || typeof requestIdleCallback !== 'function') return;
    const idle = requestIdleCallback(() => warmFormatters(format), { timeout: 1000 });
    return () => cancelIdleCallback(idle);
  }, [arrived, format]);
  return (
    <div className="page dashboard-page">
      <div className="page-inner dashboard-inner">
        <div className="section-head">
          <div>
            <h1 className="page-title">Strategy dashboard</h1>
            <p className="page-lead">
              {session.organisation.name}
              {/* After the heatmap: the first date-and-time formatter is slow to make (~50–140 ms, its locale data). */}
              {rest && (
                <AfterPaint>
                  <> · figures of {format.dateTime(rest.generatedAt)}</>
                </AfterPaint>
              )}
            </p>
          </div>
          <div className="dashboard-actions">
            <a href="#accountability" className="btn btn-small">
              Accountability
            </a>
            <button type="button" className="btn btn-small" onClick={() => window.print()}>
              Print
            </button>
          </div>
        </div>
        {dashboard.isPending && (
          <p className="muted" role="status">
            Working out the figures…
          </p>
        )}
        {dashboard.error && (
          <p className="form-error" role="alert">
            {describeError(dashboard.error)}
          </p>
        )}
        {dashboard.data && <Headline headline={dashboard.data.headline} redRisks={red.data?.open} />}
        {rest && (
          <>
            <Heatmap heatmap={rest.heatmap} />
            <AfterPaint>
              <div className="dashboard-columns">
                <Suspense fallback={<section className="card dashboard-section" aria-busy="true" />}>
                  <InvestmentMix mix={rest.investmentMix} />
                </Suspense>
                <CoverageTrend />
              </div>
              <ObjectiveCards objectives={rest.objectives} redRisks={chainRisks} />
              <Accountability units={rest.accountability} />
            </AfterPaint>
          </>
        )}
      </div>
    </div>
  );
}

/**
 * `value`, one frame late: set (in a transition) from a task queued by the animation frame after it changed, so
 * whatever `value` alone shows is painted before what this drives is rendered.
 */
function usePaintedFirst<T>(value: T | undefined): T | undefined {
  const [shown, setShown] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (value === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = () => (timer = setTimeout(() => startTransition(() => setShown(value)), 0));
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(show) : (show(), undefined);
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return value === undefined ? undefined : shown;
}

/**
 * Its children in a render of their own once what comes before them is on the screen: the heatmap is drawn (and
 * measured) without waiting for the cards, the investment mix's chart and the accountability table.
 */
function AfterPaint({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => startTransition(() => setReady(true)), []);
  return ready ? children : null;
}

/** A board pack shows everything: the folded parts (who is accountable, the mix's figures) open for print. */
function useOpenDetailsForPrint() {
  useEffect(() => {
    const open = () => document.querySelectorAll('.dashboard-page details').forEach((d) => d.setAttribute('open', ''));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);
}
