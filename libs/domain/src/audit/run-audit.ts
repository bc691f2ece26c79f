import type { AuditGraph } from './audit-graph.js';
import {
  AUDIT_RULE_IDS,
  AUDIT_SEVERITIES,
  type AuditFilter,
  type AuditFinding,
  type AuditRuleId,
  type AuditRulesView,
  type AuditSettings,
  type AuditSummary,
} from './audit-types.js';
import type { AuditContext } from './finding.js';
import { GraphIndex } from './graph-index.js';
import { AUDIT_RULES } from './rules/index.js';
import { utcDate } from '../dates.js';

/**
 * What the audit runs on: a graph to index, or an index built before (the API keeps one per
 * organisation while the graph is unchanged) with the settings and clock of this run.
 */
export type AuditInput = AuditGraph | IndexedAuditInput;

export interface IndexedAuditInput extends Pick<AuditGraph, 'settings' | 'now'> {
  index: GraphIndex;
}

/** The index of an input, built if the input is a plain graph. */
export function indexOf(input: Pick<AuditGraph, 'nodes' | 'links'> | { index: GraphIndex }): GraphIndex {
  return 'index' in input ? input.index : new GraphIndex(input);
}

export function auditContext(input: AuditInput, index: GraphIndex = indexOf(input)): AuditContext {
  return { index, settings: input.settings, now: input.now, today: utcDate(input.now) };
}

/**
 * Runs every rule (or those named) over the graph. Findings come in a stable order: by severity,
 * then in the order of docs/domain.md's rule table, then by the keys of their nodes.
 */
export function runAudit(
  input: AuditInput,
  options: { index?: GraphIndex; rules?: readonly AuditRuleId[] } = {},
): AuditFinding[] {
  const context = auditContext(input, options.index);
  const rules = options.rules ?? AUDIT_RULE_IDS;
  const findings = rules.flatMap((id) => AUDIT_RULES[id].run(context));
  return findings.sort(compareFindings);
}

const SEVERITY_RANK = new Map(AUDIT_SEVERITIES.map((s, i) => [s, i]));
const RULE_RANK = new Map(AUDIT_RULE_IDS.map((r, i) => [r, i]));

export function compareFindings(a: AuditFinding, b: AuditFinding): number {
  return (
    SEVERITY_RANK.get(a.severity)! - SEVERITY_RANK.get(b.severity)! ||
    RULE_RANK.get(a.rule)! - RULE_RANK.get(b.rule)! ||
    compareKeys(a.nodeKeys, b.nodeKeys) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

export function summarise(findings: readonly AuditFinding[]): AuditSummary {
  const summary: AuditSummary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return summary;
}

/**
 * The findings that pass every filter given. `unitOf` answers a node's business unit, so a
 * finding is in a unit when at least one of the nodes it is about belongs to that unit.
 */
export function filterFindings<F extends AuditFinding>(
  findings: readonly F[],
  filter: AuditFilter,
  unitOf: (nodeId: string) => string | null | undefined,
): F[] {
  return findings.filter(
    (f) =>
      (!filter.rule || f.rule === filter.rule) &&
      (!filter.severity || f.severity === filter.severity) &&
      (!filter.nodeId || f.nodeIds.includes(filter.nodeId)) &&
      (!filter.businessUnit || f.nodeIds.some((id) => unitOf(id) === filter.businessUnit)),
  );
}

/** The rules as `GET /api/audit/rules` lists them, each with the organisation's values of the settings it reads. */
export function describeRules(settings: AuditSettings): AuditRulesView {
  return {
    settings,
    rules: AUDIT_RULE_IDS.map((id) => {
      const rule = AUDIT_RULES[id];
      return {
        id,
        severity: rule.severity,
        description: rule.description,
        settings: Object.fromEntries(rule.settings.map((name) => [name, settings[name]])),
      };
    }),
  };
}
