import { finding, label, type AuditRule } from '../finding.js';

/**
 * A dependency between two business units that nobody has agreed to yet: a proposed `depends_on`
 * link whose ends both belong to a unit, and to different ones. (An end without a unit is not
 * "in a different unit"; `missing-owner` and the register are where unassigned work shows.)
 */
export const unapprovedCrossUnitDependency: AuditRule = {
  id: 'unapproved-cross-unit-dependency',
  severity: 'warning',
  description: 'A proposed depends_on link whose two ends are in different business units.',
  settings: [],
  run(context) {
    const { index } = context;
    const found = [];
    for (const { from, to, link } of index.proposed) {
      if (link.kind !== 'depends_on') continue;
      const a = index.node(from).businessUnitId;
      const b = index.node(to).businessUnitId;
      if (a === null || b === null || a === b) continue;
      found.push(
        finding(
          context,
          this,
          [from, to],
          [from, to],
          `${label(index, from)} depends on ${label(index, to)} in another business unit, and the dependency is not approved.`,
        ),
      );
    }
    return found;
  },
};
