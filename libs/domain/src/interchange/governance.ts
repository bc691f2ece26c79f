import { AUDIT_RULE_IDS } from '../audit/audit-types.js';
import { cycleDatesProblem } from '../okrs/cycles.js';
import { LINK_KINDS } from '../links.js';
import type { NodeKind } from '../kinds.js';
import { MAX_RAID_ATTACHMENTS, RAID_FIELD_RULES, RAID_FIELDS } from '../raid/raid.js';
import { text, type FieldRule } from '../shapes/field-rules.js';
import { KEY_RESULT_CYCLE_RULES, OKR_CYCLE_FIELD_RULES } from '../shapes/okr-cycle-shape.js';
import { field, isObject, type Collector, type Json } from './problems.js';
import type { InterchangeDocument } from '../interchange.js';

// The interchange's governance sections (issue 13): OKR cycles, waivers and the RAID log, and a key result's cycle.

/** The sections of a document, in the order the export writes them. */
export const SECTIONS = ['format', 'businessUnits', 'okrCycles', 'nodes', 'links', 'checkIns', 'waivers', 'raid'];

/** The optional sections the document has, checked; absent ones stay absent (an older document reads back as it was). */
export function optionalSections(input: Json, cycles: unknown[], waivers: unknown[], raid: unknown[]) {
  return {
    ...(input.okrCycles !== undefined ? { okrCycles: cycles as InterchangeDocument['okrCycles'] } : {}),
    ...(input.waivers !== undefined ? { waivers: waivers as InterchangeDocument['waivers'] } : {}),
    ...(input.raid !== undefined ? { raid: raid as InterchangeDocument['raid'] } : {}),
  };
}

/** `raid`, whose attachments may name a link of the document (`links`) or of the organisation (`existing`). */
export function checkRaidSection(
  raid: unknown[],
  links: unknown[],
  nodeKeys: ReadonlyMap<string, NodeKind>,
  existing: ReadonlySet<string> | undefined,
  errors: Collector,
) {
  const linkKeys = new Set(existing ?? []);
  for (const link of links) {
    if (isObject(link)) linkKeys.add(`${link.from as string}\u0000${link.to as string}\u0000${link.kind as string}`);
  }
  checkRaid(raid, nodeKeys, (from, to, kind) => linkKeys.has(`${from}\u0000${to}\u0000${kind}`), errors);
}

/** A waiver's own fields (the audit's waiver form asks the same: a reason, and the last day it applies). */
export const WAIVER_FIELD_RULES = {
  reason: text(2000, { minLength: 1, required: true }),
  expiresOn: { type: 'date', required: true },
} satisfies Record<string, FieldRule>;

/** Checks `okrCycles`; returns every cycle name the document may refer to (its own and the organisation's). */
export function checkCycles(cycles: unknown[], existing: ReadonlySet<string>, errors: Collector): Set<string> {
  const names = new Set(existing);
  const seen = new Map<string, number>();
  cycles.forEach((cycle, i) => {
    const path = `$.okrCycles[${i}]`;
    if (!isObject(cycle)) return errors.add(path, 'must be an object with name, startsOn and endsOn');
    unknown(cycle, ['name', 'startsOn', 'endsOn'], path, errors);
    for (const name of ['name', 'startsOn', 'endsOn'] as const)
      field(cycle, name, OKR_CYCLE_FIELD_RULES[name], path, errors);
    if (typeof cycle.startsOn === 'string' && typeof cycle.endsOn === 'string') {
      const problem = cycleDatesProblem(cycle.startsOn, cycle.endsOn);
      if (problem) errors.add(`${path}.endsOn`, problem);
    }
    if (typeof cycle.name !== 'string') return;
    const first = seen.get(cycle.name);
    if (first !== undefined) {
      errors.add(`${path}.name`, `repeats the cycle "${cycle.name}" of $.okrCycles[${first}]`, `$.okrCycles[${first}]`);
    } else seen.set(cycle.name, i);
    names.add(cycle.name);
  });
  return names;
}

/** A node's `cycle`: key results only, a cycle of the document or the organisation. */
export function checkNodeCycle(
  node: Json,
  kind: NodeKind | undefined,
  cycles: ReadonlySet<string>,
  path: string,
  errors: Collector,
) {
  if (node.cycle === undefined || node.cycle === null) return;
  field(node, 'cycle', KEY_RESULT_CYCLE_RULES.cycle, path, errors);
  if (kind && kind !== 'key_result') return errors.add(`${path}.cycle`, 'applies to key results only');
  if (typeof node.cycle === 'string' && !cycles.has(node.cycle)) {
    errors.add(`${path}.cycle`, `no OKR cycle named ${JSON.stringify(node.cycle)} in the document or the organisation`);
  }
}

/** Checks `waivers`: a known rule, nodes that exist, a reason and a last day. */
export function checkWaivers(waivers: unknown[], nodeKeys: ReadonlyMap<string, NodeKind>, errors: Collector) {
  waivers.forEach((waiver, i) => {
    const path = `$.waivers[${i}]`;
    if (!isObject(waiver)) return errors.add(path, 'must be an object with rule, nodes, path, reason and expiresOn');
    unknown(waiver, ['rule', 'nodes', 'linkKind', 'path', 'reason', 'expiresOn'], path, errors);
    if (!(AUDIT_RULE_IDS as readonly unknown[]).includes(waiver.rule)) {
      errors.add(`${path}.rule`, `must be one of ${AUDIT_RULE_IDS.join(', ')}`);
    }
    if (!Array.isArray(waiver.nodes) || waiver.nodes.length === 0) {
      errors.add(`${path}.nodes`, 'must be a list of one or more node keys');
    } else {
      waiver.nodes.forEach((key, j) => {
        if (typeof key !== 'string' || !nodeKeys.has(key)) {
          errors.add(
            `${path}.nodes[${j}]`,
            `no node with key ${JSON.stringify(key)} in the document or the organisation`,
          );
        }
      });
    }
    if (!Array.isArray(waiver.path) || waiver.path.length === 0 || !waiver.path.every((k) => typeof k === 'string')) {
      errors.add(`${path}.path`, 'must be a list of one or more node keys');
    }
    if (waiver.linkKind !== undefined && !(LINK_KINDS as readonly unknown[]).includes(waiver.linkKind)) {
      errors.add(`${path}.linkKind`, `must be one of ${LINK_KINDS.join(', ')}`);
    }
    field(waiver, 'reason', WAIVER_FIELD_RULES.reason, path, errors);
    field(waiver, 'expiresOn', WAIVER_FIELD_RULES.expiresOn, path, errors);
  });
}

/**
 * Checks `raid`: each field by RAID_FIELD_RULES (the REST API's), scores on risks only (and required of them), a
 * decision's date and decider on decisions only, attachments that resolve. Items are matched by type and title, so
 * two items of one type and title are refused.
 */
export function checkRaid(
  items: unknown[],
  nodeKeys: ReadonlyMap<string, NodeKind>,
  linkExists: (from: string, to: string, kind: string) => boolean,
  errors: Collector,
) {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const path = `$.raid[${i}]`;
    if (!isObject(item)) return errors.add(path, 'must be an object with at least type and title');
    unknown(item, [...RAID_FIELDS, 'attachments'], path, errors);
    for (const name of RAID_FIELDS) field(item, name, RAID_FIELD_RULES[name], path, errors);
    if (item.type === 'risk') {
      for (const name of ['likelihood', 'impact'] as const) {
        if (item[name] === undefined || item[name] === null) errors.add(`${path}.${name}`, 'a risk needs a score 1–5');
      }
    } else {
      for (const name of ['likelihood', 'impact'] as const) {
        if (item[name] !== undefined && item[name] !== null) errors.add(`${path}.${name}`, 'only a risk is scored');
      }
    }
    if (item.type !== 'decision') {
      for (const name of ['decidedOn', 'decidedBy'] as const) {
        if (item[name] !== undefined && item[name] !== null)
          errors.add(`${path}.${name}`, 'only a decision is decided');
      }
    }
    if (typeof item.type === 'string' && typeof item.title === 'string') {
      const identity = `${item.type}\u0000${item.title.trim()}`;
      const first = seen.get(identity);
      if (first !== undefined) {
        errors.add(path, `repeats the ${item.type} "${item.title}" of $.raid[${first}]`, `$.raid[${first}]`);
      } else seen.set(identity, i);
    }
    if (item.attachments === undefined) return;
    if (!Array.isArray(item.attachments) || item.attachments.length > MAX_RAID_ATTACHMENTS) {
      return errors.add(`${path}.attachments`, `must be a list of at most ${MAX_RAID_ATTACHMENTS} attachments`);
    }
    item.attachments.forEach((a, j) => checkAttachment(a, `${path}.attachments[${j}]`, nodeKeys, linkExists, errors));
  });
}

function checkAttachment(
  a: unknown,
  path: string,
  nodeKeys: ReadonlyMap<string, NodeKind>,
  linkExists: (from: string, to: string, kind: string) => boolean,
  errors: Collector,
) {
  const shape = 'must be { node }, { link: { from, to, kind } } or { detached }';
  if (!isObject(a) || Object.keys(a).length !== 1) return errors.add(path, shape);
  if ('node' in a) {
    if (typeof a.node !== 'string' || !nodeKeys.has(a.node)) {
      errors.add(`${path}.node`, `no node with key ${JSON.stringify(a.node)} in the document or the organisation`);
    }
  } else if ('link' in a) {
    const link = a.link;
    if (
      !isObject(link) ||
      typeof link.from !== 'string' ||
      typeof link.to !== 'string' ||
      typeof link.kind !== 'string'
    ) {
      return errors.add(`${path}.link`, 'must be { from, to, kind }');
    }
    if (!linkExists(link.from, link.to, link.kind)) {
      errors.add(`${path}.link`, `no link ${link.from} ${link.kind} ${link.to} in the document or the organisation`);
    }
  } else if ('detached' in a) {
    if (typeof a.detached !== 'string' || a.detached.length < 1 || a.detached.length > 500) {
      errors.add(`${path}.detached`, 'must be text of 1–500 characters');
    }
  } else errors.add(path, shape);
}

function unknown(object: Json, allowed: readonly string[], path: string, errors: Collector) {
  for (const name of Object.keys(object)) {
    if (!allowed.includes(name)) errors.add(`${path}.${name}`, 'is not a field of the interchange format');
  }
}
