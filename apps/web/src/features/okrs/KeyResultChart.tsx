import { useQuery } from '@tanstack/react-query';
import type { CheckInRecord } from '@throughline/domain';
import { lazy, Suspense } from 'react';
import { checkInsQuery } from '../../api/nodes.queries';

export interface KeyResultChartProps {
  keyResult: { id: string; key: string; target: number | null; unit?: string | null };
  checkIns: readonly Pick<CheckInRecord, 'at' | 'value' | 'confidence'>[];
}

// recharts is heavy: it loads with the first chart drawn, never with the page (OKRs or the map).
const loadTrend = () => import('./KeyResultTrend');
const KeyResultTrend = lazy(() => loadTrend().then((m) => ({ default: m.KeyResultTrend })));

/**
 * A key result's check-ins over time: the readings, the target as a dashed line and the
 * confidence — on the OKRs page and in the map's inspector alike. It reads the check-ins itself
 * (the same query the inspector's list uses, so one request serves both).
 */
export function KeyResultChart({
  keyResult,
  height,
}: {
  keyResult: KeyResultChartProps['keyResult'];
  height?: number;
}) {
  const checkIns = useQuery(checkInsQuery(keyResult.id));
  if (checkIns.isPending) return <p className="muted">Loading history…</p>;
  if (checkIns.isError) return <p className="field-error">{checkIns.error.message}</p>;
  if (checkIns.data.length === 0) return <p className="muted">No check-in yet.</p>;
  return (
    <Suspense fallback={<p className="muted okr-chart-loading">Loading chart…</p>}>
      <KeyResultTrend keyResult={keyResult} checkIns={checkIns.data} height={height} />
    </Suspense>
  );
}
