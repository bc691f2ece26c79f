import { addDays } from '../dates.js';
import type { InterchangeDocument } from '../interchange.js';

/**
 * A copy of `doc` with every date field moved by `days`: node start, end and target dates, check-in days, and RAID
 * items' due and decision days. The demo document is written as if today were its anchor day; the API's demo seeder
 * and the web app's "start from the demo" template both move it to today with this one function, so the two can
 * never disagree about which dates move.
 */
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
    ...(doc.raid
      ? {
          raid: doc.raid.map((item) => ({
            ...item,
            ...(item.dueDate ? { dueDate: move(item.dueDate) } : {}),
            ...(item.decidedOn ? { decidedOn: move(item.decidedOn) } : {}),
          })),
        }
      : {}),
  };
}
