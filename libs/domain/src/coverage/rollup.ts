import type { NodeRollup } from '../coverage-types.js';
import type { AuditNode } from '../audit/audit-graph.js';
import type { GraphIndex } from '../audit/graph-index.js';
import { isStrategyKind, type NodeHealth } from '../kinds.js';

/**
 * A key result's progress (docs/domain.md, "Roll-up"): `(current − baseline) / (target − baseline)`,
 * clamped to 0–1. A missing baseline counts 0; the formula works for both directions because
 * a decreasing key result has its target below its baseline. Null when it cannot be measured:
 * no current value, or a target equal to the baseline.
 */
export function keyResultProgress(kr: Pick<AuditNode, 'baseline' | 'target' | 'current'>): number | null {
  const baseline = kr.baseline ?? 0;
  if (kr.current === null || kr.current === undefined || kr.target === null || kr.target === undefined) return null;
  const span = kr.target - baseline;
  if (span === 0) return null;
  return Math.min(1, Math.max(0, (kr.current - baseline) / span));
}

/**
 * The weighted mean of contributions `[progress, weight | null]`, skipping unmeasured ones. A
 * missing weight counts as the mean of the weights given (so an unweighted contributor weighs as
 * much as a typical one), or 1 when none is given; if the weights add up to 0 every contributor
 * counts equally. Null when nothing is measured.
 */
export function weightedMean(
  parts: readonly (readonly [progress: number | null, weight: number | null])[],
): number | null {
  const measured = parts.filter((p): p is readonly [number, number | null] => p[0] !== null);
  if (measured.length === 0) return null;
  const given = measured.map((p) => p[1]).filter((w): w is number => w !== null);
  const fallback = given.length ? given.reduce((a, b) => a + b, 0) / given.length : 1;
  const weights = measured.map((p) => p[1] ?? fallback);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return measured.reduce((sum, p) => sum + p[0], 0) / measured.length;
  return measured.reduce((sum, p, i) => sum + p[0] * weights[i], 0) / total;
}

/**
 * The health a strategy node's delivery suggests, to show beside what its owner reports:
 * unknown with no delivery (or when no item reports a health); red when at least half of it is
 * red (the `health-mismatch` threshold); amber when any item is red or amber; otherwise green.
 */
export function derivedHealth(healths: readonly NodeHealth[]): NodeHealth {
  if (healths.length === 0) return 'unknown';
  let red = 0;
  let amber = 0;
  let known = 0;
  for (const h of healths) {
    if (h === 'red') red++;
    if (h === 'amber') amber++;
    if (h !== 'unknown') known++;
  }
  if (known === 0) return 'unknown';
  if (red * 2 >= healths.length) return 'red';
  if (red + amber > 0) return 'amber';
  return 'green';
}

/**
 * Progress and derived health of every strategy node, in key order. A theme's or objective's
 * progress is the weighted mean of what contributes to it directly over approved links — key
 * results and child objectives for an objective, objectives for a theme — leaving out cancelled ones.
 */
export function rollups(index: GraphIndex): NodeRollup[] {
  const progress = new Map<number, number | null>();
  const inProgress = new Set<number>();
  const { offsets, targets, weights } = index.contributorsIn;

  const progressOf = (i: number): number | null => {
    const known = progress.get(i);
    if (known !== undefined) return known;
    const node = index.node(i);
    if (node.kind === 'key_result') {
      const value = keyResultProgress(node);
      progress.set(i, value);
      return value;
    }
    if (inProgress.has(i)) return null; // a cycle the API would have refused; do not loop on it
    inProgress.add(i);
    const parts: [number | null, number | null][] = [];
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const j = targets[e];
      const child = index.node(j);
      if (child.status === 'cancelled') continue;
      if (child.kind !== 'key_result' && child.kind !== 'objective') continue;
      parts.push([progressOf(j), Number.isNaN(weights[e]) ? null : weights[e]]);
    }
    inProgress.delete(i);
    const value = weightedMean(parts);
    progress.set(i, value);
    return value;
  };

  const result: NodeRollup[] = [];
  for (let i = 0; i < index.size; i++) {
    const node = index.node(i);
    if (!isStrategyKind(node.kind)) continue;
    result.push({
      nodeId: node.id,
      key: node.key,
      kind: node.kind,
      progress: progressOf(i),
      reportedHealth: node.health,
      derivedHealth: derivedHealth(Array.from(index.delivery(i), (j) => index.node(j).health)),
    });
  }
  return result;
}
