/** Calendar arithmetic for the rules that depend on the clock. Dates are `YYYY-MM-DD`, in UTC. */

const DAY_MS = 86_400_000;

/** The UTC calendar date of an ISO timestamp or a Date. */
export function utcDate(at: string | Date): string {
  return (typeof at === 'string' ? new Date(at) : at).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Milliseconds in `days` days. */
export function days(count: number): number {
  return count * DAY_MS;
}
