import { daysBetween } from '../dates.js';

/** Days in a year for annualising: a calendar year, whatever leap days fall in the span. */
export const DAYS_PER_YEAR = 365;

/**
 * A change budget as money per year (docs/domain.md, "Dashboard"): spread evenly over its start and end dates
 * (both included). Work of a year or less counts in full — its whole budget is spent within a year — and work
 * without both dates counts its whole budget as one year's. In cents, rounded to the cent.
 */
export function annualisedCents(budget: number | null | undefined, startDate?: string | null, endDate?: string | null) {
  const cents = Math.round((budget ?? 0) * 100);
  if (!cents || !startDate || !endDate) return cents;
  const days = daysBetween(startDate, endDate) + 1;
  return days <= DAYS_PER_YEAR ? cents : Math.round((cents * DAYS_PER_YEAR) / days);
}
