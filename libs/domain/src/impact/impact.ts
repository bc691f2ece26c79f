import type { AuditGraph } from '../audit/audit-graph.js';
import type { GraphIndex } from '../audit/graph-index.js';
import { indexOf } from '../audit/run-audit.js';
import { weightedMean } from '../coverage/rollup.js';
import { isStrategyKind, isWorkKind, type NodeKind, type NodeStatus } from '../kinds.js';

export interface ImpactNodeRef {
  nodeId: string;
  key: string;
  kind: NodeKind;
  title: string;
}

/** A key result or objective whose delivery the cancellation touches. */
export interface ImpactedStrategyNode extends ImpactNodeRef {
  /** Active work items in its delivery now, and after the cancellation. */
  deliveryBefore: number;
  deliveryAfter: number;
  /** The share of its delivery lost, by weight (1 when it loses all of it); see `lostShare`. */
  share: number;
}

export interface ImpactedDependent extends ImpactNodeRef {
  status: NodeStatus;
  /** True when it depends on the item itself; false when only through other work. */
  direct: boolean;
}

/** `GET /api/graph/impact/:id`: what cancelling one work item would do. */
export interface WorkImpact {
  item: ImpactNodeRef & { status: NodeStatus };
  /** Active key results and objectives left with no delivery at all. */
  losesAll: ImpactedStrategyNode[];
  /** Active key results and objectives that keep some delivery, with the share lost. */
  losesPart: ImpactedStrategyNode[];
  /** Work that depends on the item, directly or through other work (approved depends_on). */
  dependents: ImpactedDependent[];
}

/**
 * What-if: if the work item `itemId` were cancelled. Cancelling takes that one item out of every
 * delivery it is in; the chain itself stays (a programme's projects still deliver through it), as
 * docs/domain.md's delivery counts only active work but walks through everything.
 *
 * Returns undefined when the id is not in the graph; throws nothing for a strategy node — callers
 * check `isWorkKind` first and say so to the user.
 */
export function cancellationImpact(
  input: Pick<AuditGraph, 'nodes' | 'links'> | { index: GraphIndex },
  itemId: string,
): WorkImpact | undefined {
  const index = indexOf(input);
  const w = index.position(itemId);
  if (w === undefined) return undefined;
  const item = index.node(w);
  if (!isWorkKind(item.kind)) throw new Error(`${item.key} is not a work item.`);

  const losesAll: ImpactedStrategyNode[] = [];
  const losesPart: ImpactedStrategyNode[] = [];
  if (index.isActiveWork[w]) {
    const above = index.chainAbove(w);
    const share = lostShare(index, w, new Set(above));
    for (const s of above.sort((a, b) => a - b)) {
      const node = index.node(s);
      if ((node.kind !== 'key_result' && node.kind !== 'objective') || node.status !== 'active') continue;
      const before = index.delivery(s).length;
      const entry = { ...ref(index, s), deliveryBefore: before, deliveryAfter: before - 1, share: share(s) };
      if (before === 1) losesAll.push({ ...entry, share: 1 });
      else losesPart.push(entry);
    }
  }
  return { item: { ...ref(index, w), status: item.status }, losesAll, losesPart, dependents: dependents(index, w) };
}

function ref(index: GraphIndex, i: number): ImpactNodeRef {
  const node = index.node(i);
  return { nodeId: node.id, key: node.key, kind: node.kind, title: node.title ?? node.key };
}

/**
 * The share of a strategy node's delivery that cancelling `w` removes, "by weight": the node's
 * delivery flows down its direct chain links in proportion to their weights (a missing weight
 * counts as the mean of its siblings', as in the progress roll-up), skipping branches with no
 * delivery; a strategy branch passes its part on the same way; a work branch splits its part
 * equally among the active items in it (itself and what builds it). The share is what reaches `w`.
 * So a key result moved by PRJ-7 (weight 40) and BAU-1 (weight 60) loses 0.4 if PRJ-7 stops.
 */
function lostShare(index: GraphIndex, w: number, above: Set<number>): (s: number) => number {
  const memo = new Map<number, number>();
  const { offsets, targets, weights } = index.chainDown;

  const branchItems = (c: number) => index.delivery(c).length + (index.isActiveWork[c] ? 1 : 0);

  const share = (x: number): number => {
    if (x === w) return 1 / branchItems(w);
    if (!above.has(x)) return 0;
    const known = memo.get(x);
    if (known !== undefined) return known;
    let value: number;
    if (isStrategyKind(index.node(x).kind)) {
      const parts: [number, number | null][] = [];
      for (let e = offsets[x]; e < offsets[x + 1]; e++) {
        const c = targets[e];
        if (branchItems(c) === 0) continue;
        parts.push([share(c), Number.isNaN(weights[e]) ? null : weights[e]]);
      }
      value = weightedMean(parts) ?? 0;
    } else {
      value = 1 / branchItems(x); // `w` is in this work item's chain: one of its items goes
    }
    memo.set(x, value);
    return value;
  };
  return share;
}

function dependents(index: GraphIndex, w: number): ImpactedDependent[] {
  const { offsets, targets } = index.dependedOnBy;
  const direct = new Set<number>();
  for (let e = offsets[w]; e < offsets[w + 1]; e++) direct.add(targets[e]);
  const seen = new Set<number>([w]);
  const queue = [w];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head];
    for (let e = offsets[at]; e < offsets[at + 1]; e++) {
      const j = targets[e];
      if (seen.has(j)) continue;
      seen.add(j);
      queue.push(j);
    }
  }
  seen.delete(w);
  return [...seen]
    .sort((a, b) => a - b)
    .map((j) => ({ ...ref(index, j), status: index.node(j).status, direct: direct.has(j) }));
}
