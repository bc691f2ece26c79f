import { addDays, daysBetween, shiftDates, type InterchangeDocument } from '@throughline/domain';
import demo from './demo-portfolio.json' with { type: 'json' };

/**
 * The demo organisation (a fictional regional energy company, see docs/demo-portfolio.md) is
 * written as if today were this date. Loading it moves every date by the days since, so the
 * demo always looks current: check-ins recent, projects under way, deadlines ahead.
 */
export const DEMO_ANCHOR = '2026-11-01';

/**
 * The key results that belong to next quarter's cycle (longer-horizon ones); every other key result belongs to the
 * quarter containing today.
 */
const NEXT_QUARTER = new Set(['KR-4.3', 'KR-6.3', 'KR-10.1']);

/** The demo document with its dates moved from the anchor to `today`, and its OKR cycles those of today. */
export function demoPortfolio(today: string): InterchangeDocument {
  return withCycles(shiftDates(demo as unknown as InterchangeDocument, daysBetween(DEMO_ANCHOR, today)), today);
}

/**
 * Two OKR cycles — the calendar quarter containing `today` and the next — and every key result in one of them.
 * Computed rather than written in the JSON and moved like the other dates: a quarter moved by some days would no
 * longer be a quarter, nor match its name.
 */
export function withCycles(doc: InterchangeDocument, today: string): InterchangeDocument {
  const current = quarterOf(today);
  const next = quarterOf(addDays(current.endsOn, 1));
  return {
    ...doc,
    okrCycles: [current, next],
    nodes: doc.nodes.map((node) =>
      node.kind === 'key_result' ? { ...node, cycle: NEXT_QUARTER.has(node.key) ? next.name : current.name } : node,
    ),
  };
}

/** The calendar quarter containing `day`: "2026 Q4", 2026-10-01 to 2026-12-31. */
export function quarterOf(day: string): { name: string; startsOn: string; endsOn: string } {
  const year = Number(day.slice(0, 4));
  const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const startsOn = `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  const nextStart = quarter === 3 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 4).padStart(2, '0')}-01`;
  return { name: `${year} Q${quarter + 1}`, startsOn, endsOn: addDays(nextStart, -1) };
}
