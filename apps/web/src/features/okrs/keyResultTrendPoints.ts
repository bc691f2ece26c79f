import type { CheckInRecord } from '@throughline/domain';
import type { Format } from '../../ui/format';

export interface TrendPoint {
  at: string;
  label: string;
  value: number;
  /** 0–100, or null when the check-in gave none. */
  confidence: number | null;
}

/** Check-ins (the API sends them newest first) as chart points, oldest first. */
export function trendPoints(
  checkIns: readonly Pick<CheckInRecord, 'at' | 'value' | 'confidence'>[],
  date: (iso: string) => string,
): TrendPoint[] {
  return [...checkIns]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((c) => ({
      at: c.at,
      label: date(c.at),
      value: c.value,
      confidence: c.confidence === null ? null : Math.round(c.confidence * 100),
    }));
}

/** The chart in words, for a screen reader: first and last reading against the target, and the latest confidence. */
export function trendSummary(
  keyResult: { key: string; target: number | null; unit?: string | null },
  points: readonly TrendPoint[],
  format: Pick<Format, 'number'>,
): string {
  const unit = keyResult.unit ? ` ${keyResult.unit}` : '';
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return `${keyResult.key}: no readings yet`;
  const target = keyResult.target === null ? 'no target' : `target ${format.number(keyResult.target)}${unit}`;
  const confidence = last.confidence === null ? '' : `, ${last.confidence}% confident`;
  return `${keyResult.key} readings: ${format.number(first.value)}${unit} on ${first.label} to ${format.number(last.value)}${unit} on ${last.label} (${points.length} check-in${points.length === 1 ? '' : 's'}), ${target}${confidence}`;
}
