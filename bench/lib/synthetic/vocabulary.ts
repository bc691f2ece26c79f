import type { KeyResultDirection } from '@throughline/domain';
import type { Random } from '../random.js';

/**
 * Words for synthetic titles and owners: enough variety that a map, a register or a search over a
 * generated portfolio looks like a real energy company's, not like "Node 4711".
 */

const UNIT_AREAS = [
  'Networks',
  'Metering',
  'Retail',
  'Customer Service',
  'Renewables',
  'Digital & Data',
  'Finance',
  'Trading',
  'Field Operations',
  'Connections',
  'Asset Management',
  'People',
  'Procurement',
  'Legal & Regulation',
  'Property',
  'Health & Safety',
];
const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'Coast', 'Dales', 'Valleys', 'City', 'Borders'];

/** The n-th business unit's name: the plain areas first, then areas by region. */
export function unitName(n: number): string {
  if (n < UNIT_AREAS.length) return UNIT_AREAS[n];
  const region = REGIONS[Math.floor(n / UNIT_AREAS.length - 1) % REGIONS.length];
  const round = Math.floor(n / (UNIT_AREAS.length * (REGIONS.length + 1)));
  return `${UNIT_AREAS[n % UNIT_AREAS.length]} ${region}${round ? ` ${round + 1}` : ''}`;
}

const THEME_TITLES = [
  'A safe, resilient network',
  'Customers first',
  'Net zero by 2035',
  'An efficient, data-driven business',
  'A great place to work',
  'Growth in new markets',
  'Trusted by regulators',
  'Flexible energy for everyone',
  'Operational excellence',
  'Digital by default',
  'Affordable energy',
  'Local communities',
  'Secure supply',
  'Simpler products',
  'Sustainable finance',
  'Innovation at scale',
];

export function themeTitle(n: number): string {
  const title = THEME_TITLES[n % THEME_TITLES.length];
  return n < THEME_TITLES.length ? title : `${title} (${Math.floor(n / THEME_TITLES.length) + 1})`;
}

const OBJECTIVE_VERBS = ['Halve', 'Cut', 'Double', 'Grow', 'Modernise', 'Simplify', 'Digitise', 'Improve', 'Secure'];
const OBJECTIVE_SUBJECTS = [
  'unplanned outages',
  'cost to serve',
  'renewable capacity',
  'customer effort',
  'data quality',
  'connection times',
  'field productivity',
  'bad debt',
  'carbon emissions',
  'supplier spend',
  'safety incidents',
  'network losses',
  'smart meter coverage',
  'digital sales',
  'staff turnover',
  'billing accuracy',
];
const PLACES = [
  'across the region',
  'in the North',
  'in the South',
  'in cities',
  'in rural areas',
  'by 2028',
  'by 2030',
];

export function objectiveTitle(random: Random): string {
  return `${random.pick(OBJECTIVE_VERBS)} ${random.pick(OBJECTIVE_SUBJECTS)} ${random.pick(PLACES)}`;
}

export interface MetricTemplate {
  title: string;
  unit: string;
  direction: KeyResultDirection;
  baseline: readonly [min: number, max: number];
  /** How far the target is from the baseline, as a share of the baseline (every baseline here is above 0). */
  change: readonly [min: number, max: number];
}

export const METRICS: readonly MetricTemplate[] = [
  { title: 'Customer minutes lost', unit: 'min', direction: 'decrease', baseline: [30, 70], change: [0.15, 0.4] },
  { title: 'Customers on a smart tariff', unit: '%', direction: 'increase', baseline: [3, 20], change: [0.5, 3] },
  { title: 'Cost to serve per customer', unit: '£', direction: 'decrease', baseline: [70, 120], change: [0.05, 0.2] },
  { title: 'First-contact resolution', unit: '%', direction: 'increase', baseline: [55, 75], change: [0.05, 0.25] },
  { title: 'Installed renewable capacity', unit: 'MW', direction: 'increase', baseline: [50, 400], change: [0.3, 1.5] },
  { title: 'Median days to connect', unit: 'days', direction: 'decrease', baseline: [20, 60], change: [0.3, 0.6] },
  { title: 'Data quality score', unit: '%', direction: 'increase', baseline: [70, 88], change: [0.05, 0.15] },
  { title: 'Bad debt as a share of revenue', unit: '%', direction: 'decrease', baseline: [1, 3], change: [0.15, 0.4] },
  { title: 'Lost-time injuries', unit: 'per year', direction: 'decrease', baseline: [10, 40], change: [0.2, 0.6] },
  { title: 'Customer satisfaction', unit: 'points', direction: 'increase', baseline: [60, 80], change: [0.05, 0.15] },
  {
    title: 'Smart meters installed',
    unit: 'meters',
    direction: 'increase',
    baseline: [50000, 400000],
    change: [0.3, 1],
  },
  { title: 'Carbon emissions', unit: 'tCO2e', direction: 'decrease', baseline: [20000, 90000], change: [0.2, 0.5] },
];

const PROJECT_VERBS = [
  'Replace',
  'Upgrade',
  'Automate',
  'Migrate',
  'Consolidate',
  'Launch',
  'Pilot',
  'Roll out',
  'Redesign',
];
const PROJECT_OBJECTS = [
  'billing platform',
  'asset register',
  'substation monitoring',
  'customer portal',
  'field scheduling',
  'meter data management',
  'overhead lines',
  'payroll system',
  'contact centre telephony',
  'network control system',
  'EV charging hubs',
  'solar park',
  'wind turbine gearboxes',
  'CRM',
  'data warehouse',
  'procurement portal',
];
const PHASES = ['phase 1', 'phase 2', 'phase 3', 'wave 1', 'wave 2', 'pilot', 'North', 'South', 'East', 'West'];

export function projectTitle(random: Random): string {
  return `${random.pick(PROJECT_VERBS)} ${random.pick(PROJECT_OBJECTS)}, ${random.pick(PHASES)}`;
}

const PROGRAMME_SUBJECTS = [
  'Grid Modernisation',
  'Smart Homes',
  'Renewables Growth',
  'Digital Core',
  'Customer Experience',
  'Cost Transformation',
  'Workforce of the Future',
  'Low-Carbon Connections',
  'Data Foundations',
  'Safety First',
];

export function programmeTitle(random: Random, n: number): string {
  return `${random.pick(PROGRAMME_SUBJECTS)} Programme ${n}`;
}

export const BAU_ACTIVITIES: readonly (readonly [title: string, kpi: string])[] = [
  ['Network fault response', 'Customer minutes lost'],
  ['Planned maintenance', 'Inspections on time'],
  ['Meter installation', 'Meters fitted per week'],
  ['Residential sales', 'Net customer gains'],
  ['Business sales', 'Contracted volume'],
  ['Contact centre', 'First-contact resolution'],
  ['Complaints handling', 'Complaints closed in 8 weeks'],
  ['Billing operations', 'Bills issued on time'],
  ['Credit and collections', 'Debt over 90 days'],
  ['Financial reporting', 'Days to close the month'],
  ['IT service desk', 'Incidents resolved in SLA'],
  ['Recruitment', 'Days to hire'],
  ['Supplier management', 'Spend under contract'],
  ['Generation O&M', 'Fleet availability'],
];
export const CADENCES = ['continuous', 'daily', 'weekly', 'monthly', 'quarterly'];

export const ASSET_KINDS: readonly (readonly [assetType: string, nouns: readonly string[]])[] = [
  ['product', ['app', 'tariff', 'boiler cover', 'EV bundle']],
  ['platform', ['billing platform', 'network control system', 'data platform', 'meter fleet']],
  ['service', ['connections portal', 'field service', 'smart home service']],
  ['data', ['customer master data', 'asset data', 'network model']],
  ['brand', ['consumer brand', 'business brand']],
  ['site', ['wind farm', 'solar park', 'grid battery', 'depot', 'substation']],
];

export function assetTitle(random: Random, nouns: readonly string[]): string {
  return `${random.pick(REGIONS)} ${random.pick(nouns)}`;
}

export const STAGES = ['discovery', 'design', 'delivery', 'closure'];

const ROLES = ['Head of', 'Director of', 'Senior Manager,', 'Lead,', 'Service Owner,'];

export function ownerFor(random: Random, unit: string): string {
  return `${random.pick(ROLES)} ${unit}`;
}

export const EXECUTIVES = [
  'Chief Executive',
  'Chief Operating Officer',
  'Chief Customer Officer',
  'Chief Financial Officer',
  'Chief Strategy Officer',
  'Chief Data Officer',
  'Chief People Officer',
];
