import { useQuery } from '@tanstack/react-query';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { checkInsQuery } from '../../api/nodes.queries';

/**
 * A key result's check-ins over time as a line, with its target as a dashed line (the map's inspector can use it
 * too: it needs only the key result's id and target).
 */
export function KeyResultChart({ keyResult }: { keyResult: { id: string; key: string; target: number | null } }) {
  const checkIns = useQuery(checkInsQuery(keyResult.id));
  if (checkIns.isPending) return <p className="muted">Loading history…</p>;
  const points = [...(checkIns.data ?? [])].reverse().map((c) => ({ at: c.at, value: c.value }));
  if (points.length === 0) return <p className="muted">No check-in yet.</p>;
  return (
    <div className="okr-chart" data-testid={`chart-${keyResult.key}`} aria-label={`History of ${keyResult.key}`}>
      <ResponsiveContainer width="100%" height={180} initialDimension={{ width: 480, height: 180 }}>
        <LineChart data={points} margin={{ top: 10, right: 20, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="at" />
          <YAxis domain={['auto', 'auto']} />
          <Tooltip />
          <Line type="monotone" dataKey="value" name="Value" stroke="var(--info)" isAnimationActive={false} />
          {keyResult.target !== null && (
            <ReferenceLine
              y={keyResult.target}
              stroke="var(--ok)"
              strokeDasharray="6 4"
              label="Target"
              ifOverflow="extendDomain"
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
