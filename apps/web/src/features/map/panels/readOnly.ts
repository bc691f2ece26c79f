import {
  isStrategyKind,
  kindInSentence,
  kindWithArticle,
  type BusinessUnitRecord,
  type NodeKind,
} from '@throughline/domain';

/**
 * Why the inspector shows a node read-only, in one line naming who may change it: strategy belongs
 * to the PMO lead and the admin; work also to its own unit's contributors (docs/domain.md, roles).
 * The same sentence for every role that lands here (an executive, another unit's contributor).
 */
export function readOnlyReason(
  node: { kind: NodeKind; businessUnitId?: string | null },
  units: readonly Pick<BusinessUnitRecord, 'id' | 'name'>[],
): string {
  const what = kindWithArticle(node.kind);
  if (isStrategyKind(node.kind)) return `Only a PMO lead or an admin can change ${what}.`;
  const unit = units.find((u) => u.id === node.businessUnitId);
  return unit
    ? `Only ${possessive(unit.name)} contributors, a PMO lead or an admin can change this ${kindInSentence(node.kind)}.`
    : `Only a PMO lead or an admin can change ${what} without a business unit.`;
}

/** "Networks’", "Retail’s". */
function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}
