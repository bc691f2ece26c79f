/**
 * Calendar dates as the interchange format writes them: `YYYY-MM-DD`, in UTC. Kept here rather
 * than imported so the bench scripts depend only on what `@throughline/domain` has published.
 */

/**
 * The date the demo portfolio and the synthetic documents are written as if it were today. The
 * demo seeder shifts every date by (today − anchor) at load time, so the demo always looks current.
 */
export const ANCHOR_DATE = '2026-11-01';

const DAY_MS = 86_400_000;

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** `date` moved by `days` (negative for earlier). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
