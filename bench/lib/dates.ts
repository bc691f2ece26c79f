/**
 * The date the demo portfolio and the synthetic documents are written as if it were today
 * (the API's `DEMO_ANCHOR`). Loading the demo shifts every date by (today − anchor), so it
 * always looks current. Date arithmetic itself is the domain library's.
 */
export const ANCHOR_DATE = '2026-11-01';

export { addDays, daysBetween, isIsoDate } from '@throughline/domain';
