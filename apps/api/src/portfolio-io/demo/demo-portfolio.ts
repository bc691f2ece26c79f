import { addDays, daysBetween, type InterchangeDocument } from '@throughline/domain';
import demo from './demo-portfolio.json' with { type: 'json' };

/**
 * The demo organisation (a fictional regional energy company, see docs/demo-portfolio.md) is
 * written as if today were this date. Loading it moves every date by the days since, so the
 * demo always looks current: check-ins recent, projects under way, deadlines ahead.
 */
export const DEMO_ANCHOR = '2026-11-01';

/** The demo document with its dates moved from the anchor to `today`. */
export function demoPortfolio(today: string): InterchangeDocument {
  return shiftDates(demo as unknown as InterchangeDocument, daysBetween(DEMO_ANCHOR, today));
}

/** A copy of `doc` with every date field (node dates, target dates, check-in days) moved by `days`. */
export function shiftDates(doc: InterchangeDocument, days: number): InterchangeDocument {
  const move = (date: string | null | undefined) => (date ? addDays(date, days) : date);
  return {
    ...doc,
    nodes: doc.nodes.map((node) => ({
      ...node,
      ...(node.startDate ? { startDate: move(node.startDate) } : {}),
      ...(node.endDate ? { endDate: move(node.endDate) } : {}),
      ...(node.targetDate ? { targetDate: move(node.targetDate) } : {}),
    })),
    checkIns: doc.checkIns.map((checkIn) => ({ ...checkIn, at: move(checkIn.at)! })),
  };
}
