import {
  ALL_KIND_FIELDS,
  ASSET_LIFECYCLES,
  INTERCHANGE_FORMAT,
  KEY_RESULT_DIRECTIONS,
  KIND_FIELDS,
  LINK_KINDS,
  LINK_STATES,
  NODE_HEALTHS,
  NODE_KINDS,
  NODE_STATUSES,
  RAG_RATINGS,
  isChainLinkKind,
  isLinkAllowed,
  isLinkKind,
  isNodeKind,
  type InterchangeDocument,
  type InterchangeNode,
  type KindField,
} from '@throughline/domain';
import { isIsoDate } from './dates.js';

/** One thing wrong with a document, at a JSON path like the import API reports (`$.links[3].to`). */
export interface DocumentProblem {
  path: string;
  message: string;
}

/** The schema's key CHECK (`nodes_key_chk`, `business_units_key_chk`). */
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

const COMMON_NODE_FIELDS = [
  'key',
  'kind',
  'title',
  'description',
  'businessUnit',
  'owner',
  'status',
  'health',
  'startDate',
  'endDate',
  'tags',
] as const;
const KNOWN_NODE_FIELDS = new Set<string>([...COMMON_NODE_FIELDS, ...ALL_KIND_FIELDS]);

/**
 * Checks an interchange document against DOMAIN.md and the schema's constraints
 * (migrations/1795647100000-PortfolioGraph.ts): what an import into an empty organisation would
 * refuse. Returns every problem found, in document order.
 */
export function validateDocument(document: InterchangeDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  if (document.format !== INTERCHANGE_FORMAT) report('$.format', `expected "${INTERCHANGE_FORMAT}"`);
  for (const section of ['businessUnits', 'nodes', 'links', 'checkIns'] as const) {
    if (!Array.isArray(document[section])) {
      report(`$.${section}`, 'expected an array');
      return problems;
    }
  }
  const unitKeys = checkBusinessUnits(document, report);
  const nodeKinds = checkNodes(document, unitKeys, report);
  checkLinks(document, nodeKinds, report);
  checkCheckIns(document, nodeKinds, report);
  return problems;
}

type Report = (path: string, message: string) => void;

function checkBusinessUnits(document: InterchangeDocument, report: Report): Set<string> {
  const keys = new Set<string>();
  document.businessUnits.forEach((unit, i) => {
    const path = `$.businessUnits[${i}]`;
    checkKey(unit.key, `${path}.key`, keys, report);
    if (typeof unit.name !== 'string' || unit.name.length < 1 || unit.name.length > 200) {
      report(`${path}.name`, 'a name of 1 to 200 characters is required');
    }
  });
  const parents = new Map(document.businessUnits.map((unit) => [unit.key, unit.parent ?? null]));
  document.businessUnits.forEach((unit, i) => {
    const path = `$.businessUnits[${i}].parent`;
    if (unit.parent === null || unit.parent === undefined) return;
    if (!keys.has(unit.parent)) report(path, `unknown business unit "${unit.parent}"`);
    else if (reachesItself(unit.key, parents)) report(path, `"${unit.key}" is its own ancestor`);
  });
  return keys;
}

function reachesItself(start: string, parents: Map<string, string | null>): boolean {
  const seen = new Set<string>();
  for (let at = parents.get(start); at; at = parents.get(at)) {
    if (at === start) return true;
    if (seen.has(at)) return false; // a loop above us, reported at one of its own members
    seen.add(at);
  }
  return false;
}

/** Checks every node; answers each valid key's kind, which the links and check-ins are checked against. */
function checkNodes(document: InterchangeDocument, unitKeys: Set<string>, report: Report): Map<string, string> {
  const keys = new Set<string>();
  const kinds = new Map<string, string>();
  document.nodes.forEach((node, i) => {
    const path = `$.nodes[${i}]`;
    checkKey(node.key, `${path}.key`, keys, report);
    if (!isNodeKind(node.kind)) {
      report(`${path}.kind`, `expected one of ${NODE_KINDS.join(', ')}`);
      return;
    }
    kinds.set(node.key, node.kind);
    checkCommonFields(node, path, unitKeys, report);
    checkKindFields(node, path, report);
  });
  return kinds;
}

function checkKey(key: unknown, path: string, seen: Set<string>, report: Report): void {
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    report(path, `a key must match ${KEY_PATTERN.source}`);
  } else if (seen.has(key)) {
    report(path, `duplicate key "${key}"`);
  } else {
    seen.add(key);
  }
}

function checkCommonFields(node: InterchangeNode, path: string, unitKeys: Set<string>, report: Report): void {
  for (const field of Object.keys(node)) {
    if (!KNOWN_NODE_FIELDS.has(field)) report(`${path}.${field}`, 'unknown field');
  }
  if (typeof node.title !== 'string' || node.title.length < 1 || node.title.length > 300) {
    report(`${path}.title`, 'a title of 1 to 300 characters is required');
  }
  checkOptionalString(node.description, `${path}.description`, report);
  checkOptionalString(node.owner, `${path}.owner`, report);
  checkEnum(node.status, NODE_STATUSES, `${path}.status`, report);
  checkEnum(node.health, NODE_HEALTHS, `${path}.health`, report);
  if (node.businessUnit !== undefined && node.businessUnit !== null && !unitKeys.has(node.businessUnit)) {
    report(`${path}.businessUnit`, `unknown business unit "${node.businessUnit}"`);
  }
  checkDate(node.startDate, `${path}.startDate`, report);
  checkDate(node.endDate, `${path}.endDate`, report);
  if (isIsoDate(node.startDate) && isIsoDate(node.endDate) && node.endDate < node.startDate) {
    report(`${path}.endDate`, `endDate ${node.endDate} is before startDate ${node.startDate}`);
  }
  if (node.tags !== undefined && !(Array.isArray(node.tags) && node.tags.every((tag) => typeof tag === 'string'))) {
    report(`${path}.tags`, 'expected an array of strings');
  }
}

/** The kind-specific fields: only on their kinds, each in its range (the schema's per-kind CHECKs). */
function checkKindFields(node: InterchangeNode, path: string, report: Report): void {
  const own = KIND_FIELDS[node.kind];
  for (const field of ALL_KIND_FIELDS) {
    if (node[field] !== undefined && node[field] !== null && !own.includes(field)) {
      report(`${path}.${field}`, `${field} does not apply to ${article(node.kind)}`);
    }
  }
  if (node.kind === 'key_result') {
    if (typeof node.target !== 'number') report(`${path}.target`, 'a key result needs a target');
    if (node.direction === undefined || node.direction === null) {
      report(`${path}.direction`, 'a key result needs a direction');
    }
  }
  const numberRules: [KindField, number, number][] = [
    ['priority', 1, Infinity],
    ['confidence', 0, 1],
    ['budget', 0, Infinity],
    ['effort', 0, Infinity],
    ['annualCost', 0, Infinity],
    ['annualValue', 0, Infinity],
    ['baseline', -Infinity, Infinity],
    ['target', -Infinity, Infinity],
    ['current', -Infinity, Infinity],
  ];
  for (const [field, min, max] of numberRules) checkNumber(node[field], min, max, `${path}.${field}`, report);
  if (node.priority !== undefined && node.priority !== null && !Number.isInteger(node.priority)) {
    report(`${path}.priority`, 'a priority is a whole number');
  }
  checkEnum(node.direction, KEY_RESULT_DIRECTIONS, `${path}.direction`, report);
  checkEnum(node.lifecycle, ASSET_LIFECYCLES, `${path}.lifecycle`, report);
  checkEnum(node.deliveryConfidence, RAG_RATINGS, `${path}.deliveryConfidence`, report);
  checkDate(node.targetDate, `${path}.targetDate`, report);
  for (const field of ['unit', 'stage', 'kpi', 'cadence', 'assetType'] as const) {
    checkOptionalString(node[field], `${path}.${field}`, report);
  }
}

/**
 * Links: both ends known, inside the matrix, no self-link, no duplicate (from, to, kind), and no
 * cycle through the chain kinds. The cycle check takes every link that is not rejected, because
 * the API refuses a cycle when the closing link is created, proposed or not.
 */
function checkLinks(document: InterchangeDocument, kinds: Map<string, string>, report: Report): void {
  const seen = new Set<string>();
  const chain = new Map<string, string[]>();
  document.links.forEach((link, i) => {
    const path = `$.links[${i}]`;
    const fromKind = kinds.get(link.from);
    const toKind = kinds.get(link.to);
    if (fromKind === undefined) report(`${path}.from`, `unknown node "${link.from}"`);
    if (toKind === undefined) report(`${path}.to`, `unknown node "${link.to}"`);
    if (!isLinkKind(link.kind)) {
      report(`${path}.kind`, `expected one of ${LINK_KINDS.join(', ')}`);
      return;
    }
    checkEnum(link.state, LINK_STATES, `${path}.state`, report);
    checkNumber(link.weight, 0, 100, `${path}.weight`, report);
    checkOptionalString(link.rationale, `${path}.rationale`, report);
    if (link.from === link.to) report(path, 'a node cannot link to itself');
    if (fromKind && toKind && isNodeKind(fromKind) && isNodeKind(toKind)) {
      if (!isLinkAllowed(link.kind, fromKind, toKind)) {
        report(path, `a ${link.kind} link cannot go from ${article(fromKind)} to ${article(toKind)}`);
      }
    }
    const identity = `${link.from}\u0000${link.to}\u0000${link.kind}`;
    if (seen.has(identity)) report(path, `duplicate ${link.kind} link ${link.from} → ${link.to}`);
    seen.add(identity);
    if (isChainLinkKind(link.kind) && link.state !== 'rejected') {
      const targets = chain.get(link.from);
      if (targets) targets.push(link.to);
      else chain.set(link.from, [link.to]);
    }
  });
  const cycle = findCycle(chain);
  if (cycle) report('$.links', `contributes_to/part_of/delivers links form a cycle: ${cycle.join(' → ')}`);
}

/** One cycle of a directed graph, as the keys around it, or null (iterative DFS: deep chains must not overflow). */
function findCycle(edges: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const cursors: number[] = [0];
    state.set(start, 'open');
    while (path.length) {
      const at = path[path.length - 1];
      const next = (edges.get(at) ?? [])[cursors[cursors.length - 1]++];
      if (next === undefined) {
        state.set(at, 'done');
        path.pop();
        cursors.pop();
      } else if (state.get(next) === 'open') {
        return [...path.slice(path.indexOf(next)), next];
      } else if (!state.has(next)) {
        state.set(next, 'open');
        path.push(next);
        cursors.push(0);
      }
    }
  }
  return null;
}

function checkCheckIns(document: InterchangeDocument, kinds: Map<string, string>, report: Report): void {
  document.checkIns.forEach((checkIn, i) => {
    const path = `$.checkIns[${i}]`;
    const kind = kinds.get(checkIn.node);
    if (kind === undefined) report(`${path}.node`, `unknown node "${checkIn.node}"`);
    else if (kind !== 'key_result') report(`${path}.node`, `check-ins are for key results, not ${article(kind)}`);
    if (!isIsoDate(checkIn.at)) report(`${path}.at`, 'a date written YYYY-MM-DD is required');
    if (typeof checkIn.value !== 'number' || !Number.isFinite(checkIn.value)) {
      report(`${path}.value`, 'a number is required');
    }
    checkNumber(checkIn.confidence, 0, 1, `${path}.confidence`, report);
    checkOptionalString(checkIn.note, `${path}.note`, report);
  });
}

function checkEnum(value: unknown, allowed: readonly string[], path: string, report: Report): void {
  if (value !== undefined && value !== null && !allowed.includes(value as string)) {
    report(path, `expected one of ${allowed.join(', ')}`);
  }
}

function checkNumber(value: unknown, min: number, max: number, path: string, report: Report): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value)) report(path, 'expected a number');
  else if (value < min || value > max) {
    report(path, max === Infinity ? `expected a number of at least ${min}` : `expected a number from ${min} to ${max}`);
  }
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

function checkDate(value: unknown, path: string, report: Report): void {
  if (value !== undefined && value !== null && !isIsoDate(value)) report(path, 'expected a date written YYYY-MM-DD');
}

function checkOptionalString(value: unknown, path: string, report: Report): void {
  if (value !== undefined && value !== null && typeof value !== 'string') report(path, 'expected text');
}
