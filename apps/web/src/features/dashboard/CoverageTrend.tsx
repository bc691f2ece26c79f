import { useQuery } from '@tanstack/react-query';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { snapshotTrendQuery } from '../../api/snapshots.queries';
import { useFormat } from '../../ui/format';

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
          <div style={{ width: '100%', height: 180 }}>
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 180 }}>
              <LineChart data={points} margin={{ left: 0, right: 16, top: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" />
                <YAxis domain={[0, 100]} unit="%" width={48} />
                <Tooltip formatter={(value) => `${String(value)}%`} />
                <Line type="monotone" dataKey="percent" name="Objective coverage" stroke="var(--info)" dot />
              </LineChart>
            </ResponsiveContainer>
          </div>
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
