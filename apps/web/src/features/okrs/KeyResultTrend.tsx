import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useFormat } from '../../ui/format';
import type { KeyResultChartProps } from './KeyResultChart';
import { trendPoints, trendSummary } from './keyResultTrendPoints';

/**
 * The recharts half of `KeyResultChart` (loaded on demand, with the chart library): the readings
 * as a line on the left axis, the target as a dashed line across, and the confidence of each
 * check-in (0–100 %) as a lighter line on the right axis.
 */
export function KeyResultTrend({ keyResult, checkIns, height = 180 }: KeyResultChartProps & { height?: number }) {
  const format = useFormat();
  const points = trendPoints(checkIns, (iso) => format.date(iso));
  const unit = keyResult.unit ? ` ${keyResult.unit}` : '';
  const hasConfidence = points.some((p) => p.confidence !== null);
  return (
    <div
      className="okr-chart"
      data-testid={`chart-${keyResult.key}`}
      role="img"
      aria-label={trendSummary(keyResult, points, format)}
    >
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 340, height }}>
        <LineChart data={points} margin={{ top: 10, right: 4, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis yAxisId="value" domain={['auto', 'auto']} width={44} tick={{ fontSize: 11 }} />
          {hasConfidence && (
            <YAxis
              yAxisId="confidence"
              orientation="right"
              domain={[0, 100]}
              unit="%"
              width={40}
              tick={{ fontSize: 11 }}
            />
          )}
          <Tooltip
            formatter={(value, name) =>
              name === 'Confidence' ? `${String(value)}%` : `${format.number(Number(value))}${unit}`
            }
          />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line
            yAxisId="value"
            type="monotone"
            dataKey="value"
            name="Reading"
            stroke="var(--info)"
            strokeWidth={2}
            isAnimationActive={false}
          />
          {hasConfidence && (
            <Line
              yAxisId="confidence"
              type="monotone"
              dataKey="confidence"
              name="Confidence"
              stroke="#7c8a99"
              strokeDasharray="2 3"
              connectNulls
              isAnimationActive={false}
            />
          )}
          {keyResult.target !== null && (
            <ReferenceLine
              yAxisId="value"
              y={keyResult.target}
              stroke="var(--ok)"
              strokeDasharray="6 4"
              label={{
                value: `Target ${format.number(keyResult.target)}${unit}`,
                position: 'insideTopLeft',
                fontSize: 11,
              }}
              ifOverflow="extendDomain"
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
