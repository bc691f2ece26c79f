import { kindWithArticle, NODE_KINDS, type NodeKind } from './kinds.js';
import { INTERCHANGE_FORMAT, type InterchangeDocument } from './interchange.js';
import { checkLink, isChainLinkKind, LINK_KINDS, type LinkKind } from './links.js';
import { nodeFieldProblems } from './node-rules.js';
import { KIND_FIELDS, type KindField } from './nodes.js';
import { CHECK_IN_DEFAULTS, CHECK_IN_FIELD_RULES } from './shapes/check-in-shape.js';
import { checkField, KEY_MESSAGE } from './shapes/field-rules.js';
import { LINK_DEFAULTS, LINK_FIELD_RULES } from './shapes/link-shape.js';
import { COMMON_NODE_FIELDS, NODE_FIELD_RULES, nodeDefaults } from './shapes/node-shape.js';
import { UNIT_FIELD_RULES } from './shapes/unit-shape.js';
import { checkAccountableUnits } from './interchange/accountable-units.js';
import { chainCycles } from './interchange/chain-cycles.js';
import {
  checkCycles,
  checkNodeCycle,
  checkRaidSection,
  checkWaivers,
  optionalSections,
  SECTIONS,
} from './interchange/governance.js';
import { Collector, field, isObject, list, TooManyProblems, type Json } from './interchange/problems.js';
import { differingFields, differMessage, Repeats, type Firsts } from './interchange/repeats.js';

export { EMPTY_PORTFOLIO } from './interchange/types.js';
export type { ExistingPortfolio, InterchangeError, InterchangeRepeat, InterchangeResult } from './interchange/types.js';
import { EMPTY_PORTFOLIO, type ExistingPortfolio, type InterchangeResult } from './interchange/types.js';

/**
 * Checks a document against docs/domain.md and the schema's rules before anything is written:
 * its shape and every field's format, unique keys, references that resolve (in the document or
 * the organisation), the link matrix, and no chain cycle once merged with the links already
 * there. Reports every problem with its JSON path (up to 500, then stops: `truncated`), so one
 * round trip fixes a file.
 *
 * Repeats: an entry that repeats another's identity (a unit or node key; a link's from, to and
 * kind; a check-in's key result, day and value) is dropped from the returned document when it is
 * identical to the first (as when two exports are concatenated), and refused naming both places
 * when any field differs (which one is meant cannot be guessed).
 * Total on any input: never throws.
 */
export function validateInterchange(input: unknown, existing: ExistingPortfolio = EMPTY_PORTFOLIO): InterchangeResult {
  const errors = new Collector();
  try {
    return check(input, existing, errors);
  } catch (error) {
    // Past MAX_ERRORS the rest is not read: a hostile document of a million empty entries would
    // otherwise hold the event loop for seconds building paths nobody is shown.
    if (error instanceof TooManyProblems) return errors.result();
    throw error;
  }
}

function check(input: unknown, existing: ExistingPortfolio, errors: Collector): InterchangeResult {
  const repeats = new Repeats();
  if (!isObject(input)) {
    errors.add('$', 'must be a JSON object with format, businessUnits, nodes, links and checkIns');
    return errors.result();
  }
  unknownFields(input, SECTIONS, '$', errors);
  if (input.format !== INTERCHANGE_FORMAT) errors.add('$.format', `must be "${INTERCHANGE_FORMAT}"`);
  const units = list(input, 'businessUnits', errors);
  const nodes = list(input, 'nodes', errors);
  const links = list(input, 'links', errors);
  const checkIns = list(input, 'checkIns', errors);
  const cycles = list(input, 'okrCycles', errors);
  const waivers = list(input, 'waivers', errors);
  const raid = list(input, 'raid', errors);

  const unitKeys = checkUnits(units, existing, errors, repeats);
  const cycleNames = checkCycles(cycles, existing.cycleNames ?? new Set(), errors);
  const nodeKeys = checkNodes(nodes, unitKeys, existing, errors, repeats, cycleNames);
  checkLinks(links, nodeKeys, existing, errors, repeats);
  checkCheckIns(checkIns, nodeKeys, errors, repeats);
  checkWaivers(waivers, nodeKeys.kinds, errors);
  checkRaidSection(raid, links, nodeKeys.kinds, existing.linkKeys, errors);

  if (errors.count > 0) return errors.result();
  return {
    ok: true,
    document: {
      format: INTERCHANGE_FORMAT,
      businessUnits: repeats.without(units, 'businessUnits') as unknown as InterchangeDocument['businessUnits'],
      nodes: repeats.without(nodes, 'nodes') as unknown as InterchangeDocument['nodes'],
      links: repeats.without(links, 'links') as unknown as InterchangeDocument['links'],
      checkIns: repeats.without(checkIns, 'checkIns') as unknown as InterchangeDocument['checkIns'],
      ...optionalSections(input, cycles, waivers, raid),
    },
    repeats: repeats.list,
  };
}

function checkUnits(units: unknown[], existing: ExistingPortfolio, errors: Collector, repeats: Repeats): Set<string> {
  const keys = new Set(existing.unitKeys);
  const firsts: Firsts = new Map();
  const parents = new Map<string, string>();
  units.forEach((unit, i) => {
    const path = `$.businessUnits[${i}]`;
    if (!isObject(unit)) return errors.add(path, 'must be an object with key, name and parent');
    const repeat =
      typeof unit.key === 'string' ? differingFields(firsts, unit.key, unit, path, { parent: null }) : undefined;
    if (repeat && repeat.fields.length === 0) return repeats.add('businessUnits', i, repeat.alsoAt);
    unknownFields(unit, ['key', 'name', 'parent'], path, errors);
    const key = checkKey(unit.key, `${path}.key`, errors);
    if (key !== undefined) {
      if (repeat)
        errors.add(`${path}.key`, differMessage(`business unit "${key}"`, repeat.alsoAt, repeat.fields), repeat.alsoAt);
      keys.add(key);
    }
    field(unit, 'name', UNIT_FIELD_RULES.name, path, errors);
    if (unit.parent !== undefined && unit.parent !== null) {
      if (typeof unit.parent !== 'string') errors.add(`${path}.parent`, 'must be a business unit key or null');
      else if (key !== undefined) parents.set(key, unit.parent);
    }
  });
  units.forEach((unit, i) => {
    if (!isObject(unit) || typeof unit.parent !== 'string') return;
    if (!keys.has(unit.parent))
      errors.add(
        `$.businessUnits[${i}].parent`,
        `no business unit with key "${unit.parent}" in the document or the organisation`,
      );
    else if (unit.parent === unit.key) errors.add(`$.businessUnits[${i}].parent`, 'a unit cannot be its own parent');
  });
  for (const [key] of parents) {
    const chain = [key];
    for (let at = parents.get(key); at !== undefined && chain.length <= parents.size; at = parents.get(at)) {
      if (at === key) {
        errors.add('$.businessUnits', `parent units form a loop: ${[...chain, key].join(' → ')}`);
        break;
      }
      chain.push(at);
    }
  }
  return keys;
}

const NODE_COMMON_FIELDS = [...COMMON_NODE_FIELDS, 'businessUnit', 'accountableUnits', 'cycle'];

function checkNodes(
  nodes: unknown[],
  unitKeys: Set<string>,
  existing: ExistingPortfolio,
  errors: Collector,
  repeats: Repeats,
  cycleNames: ReadonlySet<string> = new Set(),
): NodeKeys {
  const kinds = new Map(existing.nodeKinds);
  const firsts: Firsts = new Map();
  const broken = new Set<string>();
  nodes.forEach((node, i) => {
    const path = `$.nodes[${i}]`;
    if (!isObject(node)) return errors.add(path, 'must be an object with at least key, kind and title');
    const repeat =
      typeof node.key === 'string'
        ? differingFields(firsts, node.key, node, path, { ...nodeDefaults(node.kind as NodeKind) })
        : undefined;
    if (repeat && repeat.fields.length === 0) return repeats.add('nodes', i, repeat.alsoAt);
    const kind = node.kind;
    if (typeof kind !== 'string' || !(NODE_KINDS as readonly string[]).includes(kind)) {
      errors.add(`${path}.kind`, `must be one of ${NODE_KINDS.join(', ')}`);
    }
    const validKind = (NODE_KINDS as readonly string[]).includes(kind as string) ? (kind as NodeKind) : undefined;
    unknownFields(
      node,
      [...NODE_COMMON_FIELDS, ...(validKind ? KIND_FIELDS[validKind] : ALL_FIELDS)],
      path,
      errors,
      validKind,
    );
    const key = checkKey(node.key, `${path}.key`, errors);
    if (key !== undefined) {
      const before = existing.nodeKinds.get(key);
      if (repeat)
        errors.add(`${path}.key`, differMessage(`node "${key}"`, repeat.alsoAt, repeat.fields), repeat.alsoAt);
      else if (before && validKind && before !== validKind) {
        errors.add(
          `${path}.kind`,
          `${key} is already ${kindWithArticle(before)} in the organisation; a node's kind cannot change`,
        );
      } else if (validKind) kinds.set(key, validKind);
      else broken.add(key);
    }
    for (const name of COMMON_NODE_FIELDS) {
      if (name !== 'key' && name !== 'kind') field(node, name, NODE_FIELD_RULES[name], path, errors);
    }
    if (node.businessUnit !== undefined && node.businessUnit !== null) {
      if (typeof node.businessUnit !== 'string' || !unitKeys.has(node.businessUnit)) {
        errors.add(
          `${path}.businessUnit`,
          `no business unit with key ${JSON.stringify(node.businessUnit)} in the document or the organisation`,
        );
      }
    }
    checkAccountableUnits(node, validKind, unitKeys, path, errors);
    checkNodeCycle(node, validKind, cycleNames, path, errors);
    // A node the organisation holds keeps what the entry leaves out (its target among them).
    const stored = key !== undefined && existing.nodeKinds.has(key);
    if (validKind) checkKindFields(node, validKind, path, errors, stored);
  });
  return { kinds, broken };
}

/** The node keys a link or check-in may name, and those declared with an unusable kind (already reported). */
interface NodeKeys {
  kinds: Map<string, NodeKind>;
  broken: Set<string>;
}

const ALL_FIELDS = [...new Set(Object.values(KIND_FIELDS).flat())];

function checkKindFields(node: Json, kind: NodeKind, path: string, errors: Collector, stored: boolean) {
  for (const name of KIND_FIELDS[kind]) field(node, name, NODE_FIELD_RULES[name], path, errors);
  for (const problem of nodeFieldProblems(kind, {
    target: node.target as number | null | undefined,
    startDate: typeof node.startDate === 'string' ? node.startDate : null,
    endDate: typeof node.endDate === 'string' ? node.endDate : null,
  })) {
    if (stored && problem.field === 'target' && node.target === undefined) continue;
    errors.add(`${path}.${problem.field}`, problem.message);
  }
}

function checkLinks(
  links: unknown[],
  { kinds, broken }: NodeKeys,
  existing: ExistingPortfolio,
  errors: Collector,
  repeats: Repeats,
) {
  const firsts: Firsts = new Map();
  const chain: { from: string; to: string; path: string }[] = [];
  links.forEach((link, i) => {
    const path = `$.links[${i}]`;
    if (!isObject(link)) return errors.add(path, 'must be an object with from, to and kind');
    unknownFields(link, ['from', 'to', 'kind', 'weight', 'rationale', 'state'], path, errors);
    const ends = (['from', 'to'] as const).map((end) => {
      const key = link[end];
      if (typeof key !== 'string' || !kinds.has(key)) {
        if (!broken.has(key as string)) {
          errors.add(`${path}.${end}`, `no node with key ${JSON.stringify(key)} in the document or the organisation`);
        }
        return undefined;
      }
      return { id: key, kind: kinds.get(key)! };
    });
    const kind = link.kind;
    for (const name of ['kind', 'weight', 'rationale', 'state'] as const) {
      field(link, name, LINK_FIELD_RULES[name], path, errors);
    }
    const [from, to] = ends;
    if (!from || !to || !(LINK_KINDS as readonly string[]).includes(kind as string)) return;
    const identity = `${from.id}\u0000${to.id}\u0000${kind as string}`;
    const repeat = differingFields(firsts, identity, link, path, LINK_DEFAULTS);
    if (repeat && repeat.fields.length === 0) return repeats.add('links', i, repeat.alsoAt);
    if (repeat)
      return errors.add(
        path,
        differMessage(`the link ${from.id} ${kind as string} ${to.id}`, repeat.alsoAt, repeat.fields),
        repeat.alsoAt,
      );
    const check = checkLink(kind as LinkKind, from, to);
    if (!check.ok) return errors.add(path, check.message);
    if (isChainLinkKind(kind as LinkKind) && link.state !== 'rejected') chain.push({ from: from.id, to: to.id, path });
  });
  for (const cycle of chainCycles(chain, existing.chainLinks)) {
    errors.add(cycle.path, `closes a cycle of contributes_to/part_of/delivers links: ${cycle.keys.join(' → ')}`);
  }
}

function checkCheckIns(checkIns: unknown[], { kinds, broken }: NodeKeys, errors: Collector, repeats: Repeats) {
  const firsts: Firsts = new Map();
  checkIns.forEach((checkIn, i) => {
    const path = `$.checkIns[${i}]`;
    if (!isObject(checkIn)) return errors.add(path, 'must be an object with node, at and value');
    // A reading is a key result, a day and a value (the database's unique key); JSON's number
    // text tells values apart exactly as the numeric column does.
    if (typeof checkIn.node === 'string' && typeof checkIn.at === 'string' && typeof checkIn.value === 'number') {
      const value = JSON.stringify(checkIn.value);
      const identity = `${checkIn.node}\u0000${checkIn.at}\u0000${value}`;
      const repeat = differingFields(firsts, identity, checkIn, path, CHECK_IN_DEFAULTS);
      if (repeat && repeat.fields.length === 0) return repeats.add('checkIns', i, repeat.alsoAt);
      if (repeat) {
        const reading = `the reading ${value} of ${checkIn.node} on ${checkIn.at}`;
        errors.add(path, differMessage(reading, repeat.alsoAt, repeat.fields), repeat.alsoAt);
      }
    }
    unknownFields(checkIn, ['node', 'at', 'value', 'confidence', 'note'], path, errors);
    const kind = typeof checkIn.node === 'string' ? kinds.get(checkIn.node) : undefined;
    if (kind === undefined) {
      if (!broken.has(checkIn.node as string)) {
        errors.add(
          `${path}.node`,
          `no node with key ${JSON.stringify(checkIn.node)} in the document or the organisation`,
        );
      }
    } else if (kind !== 'key_result')
      errors.add(
        `${path}.node`,
        `${checkIn.node as string} is ${kindWithArticle(kind)}; check-ins belong to key results`,
      );
    if (checkIn.at === undefined) errors.add(`${path}.at`, 'is required (YYYY-MM-DD)');
    else field(checkIn, 'at', CHECK_IN_FIELD_RULES.at, path, errors);
    for (const name of ['value', 'confidence', 'note'] as const) {
      field(checkIn, name, CHECK_IN_FIELD_RULES[name], path, errors);
    }
  });
}

function checkKey(value: unknown, path: string, errors: Collector): string | undefined {
  if (checkField(UNIT_FIELD_RULES.key, value) !== undefined) {
    errors.add(path, KEY_MESSAGE);
    return undefined;
  }
  return value as string;
}

function unknownFields(object: Json, allowed: readonly string[], path: string, errors: Collector, kind?: NodeKind) {
  for (const field of Object.keys(object)) {
    if (allowed.includes(field)) continue;
    const belongs = kind && ALL_FIELDS.includes(field as KindField);
    // A null field of another kind clears nothing and is ignored, as in REST (nodeFieldProblems).
    if (belongs && object[field] === null) continue;
    errors.add(
      `${path}.${field}`,
      belongs
        ? `does not apply to ${kindWithArticle(kind)} (it has: ${KIND_FIELDS[kind].join(', ')})`
        : 'is not a field of the interchange format',
    );
  }
}
