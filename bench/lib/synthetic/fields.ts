import type { InterchangeCheckIn, InterchangeNode, NodeHealth, NodeStatus } from '@throughline/domain';
import { addDays } from '../dates.js';
import type { Random } from '../random.js';
import { BAU_ACTIVITIES, CADENCES, METRICS, STAGES } from './vocabulary.js';

/**
 * The fields of synthetic nodes, drawn so that every value keeps the schema's CHECKs (money ≥ 0,
 * confidence 0–1, endDate ≥ startDate…). Pure functions of the generator and the anchor date.
 */

const WORK_STATUSES: readonly (readonly [NodeStatus, number])[] = [
  ['active', 82],
  ['proposed', 5],
  ['on_hold', 4],
  ['done', 7],
  ['cancelled', 2],
];
const HEALTHS: readonly (readonly [NodeHealth, number])[] = [
  ['green', 50],
  ['amber', 28],
  ['red', 10],
  ['unknown', 12],
];

export function workStatus(random: Random): NodeStatus {
  return random.pickWeighted(WORK_STATUSES);
}

export function health(random: Random): NodeHealth {
  return random.pickWeighted(HEALTHS);
}

/** An amount of money spread over orders of magnitude (log-normal), rounded to £1,000. */
export function money(random: Random, median: number, spread = 1): number {
  return Math.max(1000, Math.round((median * Math.exp(random.normal(0, spread))) / 1000) * 1000);
}

/**
 * Start and end dates for change work of `status`: finished work ended before the anchor,
 * proposed work starts after it, the rest is under way.
 */
export function changeDates(
  random: Random,
  anchor: string,
  status: NodeStatus,
  [shortest, longest]: readonly [number, number],
): { startDate: string; endDate: string } {
  const duration = random.int(shortest, longest);
  let startDate: string;
  if (status === 'done' || status === 'cancelled') startDate = addDays(anchor, -random.int(5, 500) - duration);
  else if (status === 'proposed') startDate = addDays(anchor, random.int(30, 400));
  else startDate = addDays(anchor, -random.int(0, Math.min(900, duration - 1)));
  return { startDate, endDate: addDays(startDate, duration) };
}

export function projectFields(random: Random, health: NodeHealth): Partial<InterchangeNode> {
  const budget = money(random, 400_000, 1.1);
  return {
    budget,
    effort: Math.round(budget / random.int(600, 1100)),
    stage: random.pick(STAGES),
    deliveryConfidence: health === 'unknown' ? 'amber' : health,
  };
}

export function programmeFields(random: Random): Partial<InterchangeNode> {
  // A programme's own spend (programme office, contingency); its projects carry their own budgets.
  return { budget: money(random, 1_200_000, 0.6), stage: random.pick(STAGES) };
}

export function bauFields(random: Random): Partial<InterchangeNode> & { title: string } {
  const [title, kpi] = random.pick(BAU_ACTIVITIES);
  return { title, kpi, cadence: random.pick(CADENCES), annualCost: money(random, 900_000, 1) };
}

/** A measurable key result: baseline, target and a current value part of the way there. */
export function keyResultFields(random: Random): Partial<InterchangeNode> & { title: string } {
  const metric = random.pick(METRICS);
  const [low, high] = metric.baseline;
  const baseline = round(low + random.next() * (high - low));
  const change = baseline * (metric.change[0] + random.next() * (metric.change[1] - metric.change[0]));
  let target = round(metric.direction === 'increase' ? baseline + change : baseline - change);
  if (metric.unit === '%') target = Math.min(100, target);
  const progress = random.next() * 0.8;
  return {
    title: metric.title,
    unit: metric.unit,
    baseline,
    target,
    current: round(baseline + (target - baseline) * progress),
    direction: metric.direction,
    confidence: confidence(random),
  };
}

/**
 * Check-ins about a month apart, the newest `newestAgo` days before the anchor, climbing from the
 * baseline to the key result's current value (the newest check-in's value is `current`, as the
 * API keeps it).
 */
export function checkInsFor(
  random: Random,
  anchor: string,
  node: InterchangeNode,
  count: number,
  newestAgo: number,
): InterchangeCheckIn[] {
  const baseline = node.baseline ?? 0;
  const current = node.current ?? baseline;
  const checkIns: InterchangeCheckIn[] = [];
  let daysAgo = newestAgo;
  for (let i = count - 1; i >= 0; i--) {
    const value = round(baseline + ((current - baseline) * (i + 1)) / count);
    checkIns.unshift({ node: node.key, at: addDays(anchor, -daysAgo), value, confidence: confidence(random) });
    daysAgo += random.int(25, 35);
  }
  return checkIns;
}

function confidence(random: Random): number {
  return Math.round((0.3 + random.next() * 0.6) * 100) / 100;
}

/** Round to one decimal place (to whole numbers above 1,000). */
function round(value: number): number {
  return Math.abs(value) >= 1000 ? Math.round(value) : Math.round(value * 10) / 10;
}
