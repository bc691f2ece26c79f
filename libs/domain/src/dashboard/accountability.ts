import type { GraphIndex } from '../audit/graph-index.js';
import type { CoverageNodeRef, NodeRollup } from '../coverage-types.js';
import { workAlignment, type UnitRecord } from '../coverage/coverage.js';
import { workMoney } from '../nodes.js';
import { activeOfKind, byPriority, ref } from './dashboard-helpers.js';
import type { DashboardUnit, DeliveryUnit, ObjectiveCard, UnitAccountability } from './dashboard-types.js';

function unitView(unit: UnitRecord): DashboardUnit {
  return {
    id: unit.id,
    key: unit.key,
    name: unit.name,
    ownerId: unit.ownerId ?? null,
    ownerName: unit.ownerName ?? null,
  };
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * A card per active objective, in priority order: owner, progress, reported and derived health, its delivery by
 * kind, and the people accountable along its chain — its owner, its key results' owners, the units named
 * accountable for it, and the units (with their owners) whose work delivers it.
 */
export function objectiveCards(
  index: GraphIndex,
  units: readonly UnitRecord[],
  rolled: Map<string, NodeRollup>,
  themesOf: Map<number, number[]>,
): ObjectiveCard[] {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const { offsets, targets } = index.contributorsIn;
  return activeOfKind(index, 'objective')
    .sort(byPriority(index))
    .map((o): ObjectiveCard => {
      const node = index.node(o);
      const rollup = rolled.get(node.id)!;
      const deliveryByKind = { programme: 0, project: 0, bau: 0, asset: 0 };
      const perUnit = new Map<string | null, number>();
      for (const j of index.delivery(o)) {
        const item = index.node(j);
        deliveryByKind[item.kind as keyof typeof deliveryByKind]++;
        const unit = item.businessUnitId !== null && unitById.has(item.businessUnitId) ? item.businessUnitId : null;
        perUnit.set(unit, (perUnit.get(unit) ?? 0) + 1);
      }
      const keyResults: number[] = [];
      for (let e = offsets[o]; e < offsets[o + 1]; e++) {
        if (index.node(targets[e]).kind === 'key_result') keyResults.push(targets[e]);
      }
      const deliveryUnits: DeliveryUnit[] = [...perUnit.entries()]
        .filter((entry): entry is [string, number] => entry[0] !== null)
        .map(([id, items]) => ({ ...unitView(unitById.get(id)!), items }))
        .sort(byKey);
      const unitless = perUnit.get(null);
      if (unitless) {
        deliveryUnits.push({ id: null, key: null, name: null, ownerId: null, ownerName: null, items: unitless });
      }
      return {
        ...ref(index, o),
        owner: node.owner ?? null,
        priority: node.priority ?? null,
        themeIds: (themesOf.get(o) ?? []).map((t) => index.node(t).id),
        progress: rollup.progress,
        reportedHealth: rollup.reportedHealth,
        derivedHealth: rollup.derivedHealth,
        deliveryByKind,
        accountable: {
          owner: node.owner ?? null,
          keyResultOwners: [...new Set(keyResults)]
            .sort((a, b) => a - b)
            .map((k) => ({ ...ref(index, k), owner: index.node(k).owner ?? null })),
          accountableUnits: [...new Set(node.accountableUnitIds ?? [])]
            .filter((id) => unitById.has(id))
            .map((id) => unitView(unitById.get(id)!))
            .sort(byKey),
          deliveryUnits,
        },
      };
    });
}

/**
 * Accountability per business unit, in key order: its active work (count, money), alignment shares, the
 * objectives it serves and those it is accountable for, its open cross-unit dependencies (proposed depends_on
 * links between two units, given from its work and received into it) and its named owners.
 */
export function accountability(index: GraphIndex, units: readonly UnitRecord[]): UnitAccountability[] {
  const alignment = new Map(workAlignment(index, units).byBusinessUnit.map((row) => [row.unit.id, row]));
  const objectives = activeOfKind(index, 'objective').sort(byPriority(index));
  const served = new Map<string, CoverageNodeRef[]>();
  const accountableFor = new Map<string, CoverageNodeRef[]>();
  // Objectives are walked one at a time, so a repeat can only be the list's last entry: O(1), not a scan.
  const push = (map: Map<string, CoverageNodeRef[]>, unit: string, o: number) => {
    const list = map.get(unit) ?? [];
    if (list[list.length - 1]?.nodeId !== index.node(o).id) list.push(ref(index, o));
    map.set(unit, list);
  };
  for (const o of objectives) {
    for (const j of index.delivery(o)) {
      const unit = index.node(j).businessUnitId;
      if (unit !== null) push(served, unit, o);
    }
    for (const unit of index.node(o).accountableUnitIds ?? []) push(accountableFor, unit, o);
  }
  const given = new Map<string, number>();
  const received = new Map<string, number>();
  for (const { from, to, link } of index.proposed) {
    if (link.kind !== 'depends_on') continue;
    const fromUnit = index.node(from).businessUnitId;
    const toUnit = index.node(to).businessUnitId;
    if (fromUnit === null || toUnit === null || fromUnit === toUnit) continue;
    given.set(fromUnit, (given.get(fromUnit) ?? 0) + 1);
    received.set(toUnit, (received.get(toUnit) ?? 0) + 1);
  }
  const work = new Map<string, { count: number; cents: number; owners: Set<string> }>();
  for (let i = 0; i < index.size; i++) {
    const node = index.node(i);
    if (!index.isActiveWork[i] || node.businessUnitId === null) continue;
    const entry = work.get(node.businessUnitId) ?? { count: 0, cents: 0, owners: new Set<string>() };
    entry.count++;
    entry.cents += Math.round(workMoney(node) * 100);
    if (node.owner) entry.owners.add(node.owner);
    work.set(node.businessUnitId, entry);
  }
  return [...units].sort(byKey).map((unit): UnitAccountability => {
    const mine = work.get(unit.id) ?? { count: 0, cents: 0, owners: new Set<string>() };
    const owners = new Set(mine.owners);
    if (unit.ownerName) owners.add(unit.ownerName);
    const figures = alignment.get(unit.id);
    return {
      unit: unitView(unit),
      work: { count: mine.count, money: mine.cents / 100 },
      alignment: { count: figures?.count.share ?? null, money: figures?.money.share ?? null },
      objectivesServed: served.get(unit.id) ?? [],
      accountableFor: accountableFor.get(unit.id) ?? [],
      dependencies: { given: given.get(unit.id) ?? 0, received: received.get(unit.id) ?? 0 },
      owners: [...owners].sort((a, b) => a.localeCompare(b, 'en')),
    };
  });
}
