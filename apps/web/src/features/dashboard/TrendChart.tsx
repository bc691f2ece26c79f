import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface TrendPoint {
  snapshotId: string;
  label: string;
  percent: number | null;
}

/** The coverage trend's line (recharts: a chunk of its own, loaded only when there are points to draw). */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  return (
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
  );
}
