import type { AuditFinding } from '../audit-types.js';
import { finding, isActive, label, type AuditContext, type AuditRule } from '../finding.js';
import type { NodeKind } from '../../kinds.js';

/**
 * Active nodes of `kind` that no node of `contributorKind` contributes to directly (whatever
 * the contributor's status): a theme nothing pursues, an objective nobody measures.
 */
export function withoutDirectContributor(
  context: AuditContext,
  rule: AuditRule,
  kind: NodeKind,
  contributorKind: NodeKind,
  describe: (label: string) => string,
): AuditFinding[] {
  const { index } = context;
  const { offsets, targets } = index.contributorsIn;
  const found: AuditFinding[] = [];
  for (let i = 0; i < index.size; i++) {
    if (index.node(i).kind !== kind || !isActive(index, i)) continue;
    let has = false;
    for (let e = offsets[i]; e < offsets[i + 1] && !has; e++) has = index.node(targets[e]).kind === contributorKind;
    if (!has) found.push(finding(context, rule, [i], [i], describe(label(index, i))));
  }
  return found;
}
