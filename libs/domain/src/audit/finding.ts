import { NODE_KIND_LABELS } from '../kinds.js';
import type { AuditFinding, AuditRuleId, AuditSettings, AuditSeverity } from './audit-types.js';
import type { GraphIndex } from './graph-index.js';

/** What every rule is given: the indexed graph, the organisation's settings and the audit's clock. */
export interface AuditContext {
  index: GraphIndex;
  settings: AuditSettings;
  now: Date;
  /** `now` as a UTC calendar date, `YYYY-MM-DD`. */
  today: string;
}

/** One rule of docs/domain.md, "The audit": a stable id, a severity, and a pure function from the graph to findings. */
export interface AuditRule {
  id: AuditRuleId;
  severity: AuditSeverity;
  /** Plain English, as `GET /api/audit/rules` shows it. */
  description: string;
  /** The organisation settings the rule reads. */
  settings: readonly (keyof AuditSettings)[];
  run(context: AuditContext): AuditFinding[];
}

/**
 * A finding of `rule` about the nodes at `about` (positions in the index), in the order the rule
 * gives them (a link's ends from → to; a cycle's members in key order). `discriminator` separates
 * two findings about the same nodes, e.g. two proposed links of different kinds between one pair.
 */
export function finding(
  context: AuditContext,
  rule: Pick<AuditRule, 'id' | 'severity'>,
  about: readonly number[],
  path: readonly number[],
  message: string,
  discriminator = '',
): AuditFinding {
  const { index } = context;
  const nodeIds = about.map((i) => index.node(i).id);
  return {
    id: findingId(rule.id, nodeIds, discriminator),
    rule: rule.id,
    severity: rule.severity,
    nodeIds,
    nodeKeys: about.map((i) => index.key(i)),
    message,
    path: path.map((i) => index.key(i)),
  };
}

/**
 * Stable across runs for the same rule and nodes (and discriminator), so a waiver can refer to a
 * finding: a 64-bit hash of them, written as 16 hex digits after the rule id. Two FNV-1a passes
 * with different offsets; no crypto module needed, so the web app can compute the same ids.
 */
export function findingId(rule: AuditRuleId, nodeIds: readonly string[], discriminator = ''): string {
  const text = `${rule}|${nodeIds.join(',')}|${discriminator}`;
  return `${rule}:${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193 ^ 0x5bd1e995)}`;
}

function fnv1a(text: string, offset: number): string {
  let hash = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** "Objective OBJ-7", "BAU activity BAU-2": how messages name a node. */
export function label(index: GraphIndex, i: number): string {
  const node = index.node(i);
  return `${NODE_KIND_LABELS[node.kind]} ${node.key}`;
}

export function isActive(index: GraphIndex, i: number): boolean {
  return index.node(i).status === 'active';
}

/** "1 work item", "3 work items": a count with its noun, one or many. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
