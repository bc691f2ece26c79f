import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { snapshotTrendQuery } from '../../api/snapshots.queries';
import { useFormat } from '../../ui/format';

// recharts stays out of the page's entry (it is the heaviest library here): the line loads when there is one.
export const loadTrendChart = () => import('./TrendChart');
const TrendChart = lazy(() => loadTrendChart().then((m) => ({ default: m.TrendChart })));

/**
 * Objective coverage at each snapshot, oldest first (`GET /api/snapshots/trend`, issue 13's
 * baselines), as a line and as a list beneath it (read aloud, and printed in the board pack).
 * Until a snapshot exists — or if the trend cannot be read — it says how the chart comes about.
 */
export function CoverageTrend() {
  const format = useFormat();
  const trend = useQuery(snapshotTrendQuery());
  const points = (trend.data ?? []).map((p) => ({
    ...p,
    label: format.date(p.takenAt),
    percent: p.objectiveCoverage === null ? null : Math.round(p.objectiveCoverage * 1000) / 10,
  }));
  return (
    <section className="card dashboard-section trend" aria-labelledby="trend-title" data-testid="trend">
      <h2 id="trend-title">Coverage over time</h2>
      {points.length === 0 ? (
        <p className="muted">
          Appears once snapshots are taken: each snapshot records the coverage of its day, and this chart will draw them
          in order.
        </p>
      ) : (
        <>
          <Suspense fallback={<div style={{ width: '100%', height: 180 }} aria-busy="true" />}>
            <TrendChart points={points} />
          </Suspense>
          <ol className="trend-points" data-testid="trend-points">
            {points.map((p) => (
              <li key={p.snapshotId}>
                {p.name} · {p.label} ·{' '}
                {p.percent === null
                  ? 'no active objectives'
                  : `${p.percent}% (${p.objectivesCovered} of ${p.objectivesTotal})`}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
