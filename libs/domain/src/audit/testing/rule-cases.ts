import type { AuditRuleId } from '../audit-types.js';
import { runAudit } from '../run-audit.js';
import type { PortfolioBuilder } from './portfolio-builder.js';

/** One row of a rule's table: a portfolio and the findings the rule must raise on it (by node keys). */
export interface RuleCase {
  name: string;
  given: PortfolioBuilder;
  /** The `nodeKeys` of each expected finding; empty when the rule must flag nothing. */
  flags: string[][];
  /** When given, the expected `path` of each finding, in the same order. */
  paths?: string[][];
}

/** The findings `rule` raises on the case's portfolio, and nothing from other rules. */
export function runRule(rule: AuditRuleId, given: PortfolioBuilder) {
  return runAudit(given.graph(), { rules: [rule] });
}

/**
 * The slice of jest's `expect` these helpers use, passed in by the spec: this file is compiled
 * with the library (it is not a spec), where jest's globals do not exist.
 */
export type Expect = (actual: unknown) => { toEqual(expected: unknown): void; toBe(expected: unknown): void };

/** Asserts a table of cases for one rule: exactly the findings listed, with the rule's id. */
export function expectRuleCase(expect: Expect, rule: AuditRuleId, c: RuleCase) {
  const findings = runRule(rule, c.given);
  expect(findings.map((f) => f.nodeKeys)).toEqual(c.flags);
  for (const f of findings) expect(f.rule).toBe(rule);
  if (c.paths) expect(findings.map((f) => f.path)).toEqual(c.paths);
}
