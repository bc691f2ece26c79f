import fc from 'fast-check';
import { AUDIT_RULE_IDS } from './audit-types.js';
import { findingId } from './finding.js';
import { GraphIndex } from './graph-index.js';
import { describeRules, filterFindings, runAudit, summarise } from './run-audit.js';
import { portfolio } from './testing/portfolio-builder.js';

/** A small portfolio with findings of several rules and severities. */
function sample() {
  return portfolio()
    .theme('THM-1')
    .objective('OBJ-1', { of: 'THM-1' })
    .objective('OBJ-2', { of: 'THM-1', businessUnitId: 'retail' })
    .keyResult('KR-1', { of: 'OBJ-1' })
    .project('PRJ-1', { contributesTo: 'KR-1', businessUnitId: 'net', hasOwner: false })
    .project('PRJ-2', { businessUnitId: 'net', dependsOn: 'PRJ-3' })
    .project('PRJ-3', { businessUnitId: 'retail', dependsOn: 'PRJ-2' });
}

describe(runAudit.name, () => {
  it('runs every rule and orders findings by severity, rule, then keys', () => {
    const findings = runAudit(sample().graph());
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.nodeKeys.join(',')}`)).toEqual([
      'error objective-without-delivery OBJ-2',
      'error dependency-cycle PRJ-2,PRJ-3',
      'warning orphan-work PRJ-2',
      'warning orphan-work PRJ-3',
      'warning missing-owner PRJ-1',
      'warning single-point-of-failure OBJ-1',
      'info objective-without-key-results OBJ-2',
      'info change-only-objective OBJ-1',
    ]);
  });

  it('gives a finding an id that depends only on its rule and nodes', () => {
    const [cycle] = runAudit(sample().graph(), { rules: ['dependency-cycle'] });
    expect(cycle.id).toBe(findingId('dependency-cycle', ['id:PRJ-2', 'id:PRJ-3']));
    expect(cycle.id).toMatch(/^dependency-cycle:[0-9a-f]{16}$/);
    expect(findingId('dependency-cycle', ['id:PRJ-3', 'id:PRJ-2'])).not.toBe(cycle.id);
  });

  it('finds the same findings, ids and paths whatever order nodes and links arrive in', () => {
    const graph = sample()
      .keyResult('KR-2', { of: ['OBJ-1', 'OBJ-2'] })
      .bau('BAU-1', { contributesTo: ['KR-1', 'KR-2'], health: 'red' })
      .graph();
    const expected = runAudit(graph);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(graph.nodes, { minLength: graph.nodes.length }),
        fc.shuffledSubarray([...graph.links], { minLength: [...graph.links].length }),
        (nodes, links) => {
          expect(runAudit({ ...graph, nodes, links })).toEqual(expected);
        },
      ),
    );
  });

  it('gives the same answer from an index built once and reused with other settings and clocks', () => {
    const graph = sample().keyResult('KR-9', { of: 'OBJ-1', lastCheckInAt: '2026-10-01' }).graph();
    const index = new GraphIndex(graph);
    for (const [settings, now] of [
      [{ staleCheckInDays: 30, danglingProposalDays: 14 }, new Date('2026-11-01T00:00:00Z')],
      [{ staleCheckInDays: 60, danglingProposalDays: 14 }, new Date('2026-11-01T00:00:00Z')],
      [{ staleCheckInDays: 30, danglingProposalDays: 14 }, new Date('2026-10-15T00:00:00Z')],
    ] as const) {
      expect(runAudit({ index, settings, now })).toEqual(runAudit({ ...graph, settings, now }));
    }
    expect(runAudit({ index, settings: graph.settings, now: graph.now }).map((f) => f.rule)).toContain(
      'stale-key-result',
    );
  });

  it('refuses a link to a node the graph does not hold (an inconsistent snapshot)', () => {
    const graph = portfolio().project('PRJ-1').link('PRJ-1', 'KR-9', 'contributes_to').graph();
    expect(() => new GraphIndex(graph)).toThrow(/not in the graph/);
  });
});

describe(filterFindings.name, () => {
  const findings = runAudit(sample().graph());
  const units = new Map(
    sample()
      .graph()
      .nodes.map((n) => [n.id, n.businessUnitId]),
  );
  const keys = (filter: Parameters<typeof filterFindings>[1]) =>
    filterFindings(findings, filter, (id) => units.get(id)).map((f) => `${f.rule} ${f.nodeKeys.join(',')}`);

  it('filters by rule, by severity, by node and by business unit, combined with AND', () => {
    expect(keys({ rule: 'orphan-work' })).toEqual(['orphan-work PRJ-2', 'orphan-work PRJ-3']);
    expect(keys({ severity: 'error' })).toEqual(['objective-without-delivery OBJ-2', 'dependency-cycle PRJ-2,PRJ-3']);
    expect(keys({ nodeId: 'id:PRJ-3' })).toEqual(['dependency-cycle PRJ-2,PRJ-3', 'orphan-work PRJ-3']);
    expect(keys({ businessUnit: 'retail', severity: 'info' })).toEqual(['objective-without-key-results OBJ-2']);
    expect(keys({ businessUnit: 'net' })).toEqual([
      'dependency-cycle PRJ-2,PRJ-3',
      'orphan-work PRJ-2',
      'missing-owner PRJ-1',
    ]);
  });

  it('counts the filtered findings by severity', () => {
    expect(summarise(filterFindings(findings, { businessUnit: 'net' }, (id) => units.get(id)))).toEqual({
      error: 1,
      warning: 2,
      info: 0,
    });
  });
});

describe(describeRules.name, () => {
  it('lists every rule once, with the settings it reads', () => {
    const view = describeRules({ staleCheckInDays: 45, danglingProposalDays: 7 });
    expect(view.rules.map((r) => r.id)).toEqual([...AUDIT_RULE_IDS]);
    expect(view.rules.find((r) => r.id === 'stale-key-result')).toMatchObject({
      severity: 'warning',
      settings: { staleCheckInDays: 45 },
    });
    expect(view.rules.find((r) => r.id === 'dangling-proposal')?.settings).toEqual({ danglingProposalDays: 7 });
    expect(view.rules.find((r) => r.id === 'orphan-work')?.settings).toEqual({});
    for (const rule of view.rules) expect(rule.description.length).toBeGreaterThan(20);
  });
});
