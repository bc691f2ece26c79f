import { daysBetween, shiftDates, todayIso, type InterchangeDocument } from '@throughline/domain';

/**
 * The demo organisation's portfolio (Northwind Energy, docs/demo-portfolio.md) as a template for a
 * new organisation. The web app ships a copy of the API's demo document (demoTemplate.spec.ts
 * fails when the two differ), loaded only when asked for, and imports it with
 * `POST /api/portfolio/import` like any document: no endpoint of its own is needed.
 * Written as if today were DEMO_ANCHOR; loading it moves every date to today, as the API's demo seeder does.
 */
export const DEMO_ANCHOR = '2026-11-01';

export async function loadDemoTemplate(today = todayIso()): Promise<InterchangeDocument> {
  const { default: demo } = await import('./demo-portfolio.json');
  return shiftDates(demo as unknown as InterchangeDocument, daysBetween(DEMO_ANCHOR, today));
}
