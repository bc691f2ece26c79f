import { finding, label, plural, type AuditContext, type AuditRule } from '../finding.js';
import type { Adjacency, GraphIndex } from '../graph-index.js';

/**
 * Work items that wait on each other, directly or round a loop: each strongly connected set of two
 * or more under approved `depends_on` links is one finding listing all its members. The path is a
 * closed walk through every member, starting and ending at the first by key.
 */
export const dependencyCycle: AuditRule = {
  id: 'dependency-cycle',
  severity: 'error',
  description: 'A set of two or more work items that depend on each other round a loop (depends_on).',
  settings: [],
  run(context: AuditContext) {
    const { index } = context;
    return stronglyConnected(index.size, index.dependsOn)
      .filter((members) => members.length > 1)
      .map((members) => {
        members.sort((a, b) => a - b);
        const walk = closedWalk(index, members);
        const names = members.map((i) => label(index, i)).join(', ');
        return finding(
          context,
          this,
          members,
          walk,
          `${plural(members.length, 'work item')} depend on each other round a loop: ${names}.`,
        );
      });
  },
};

/** Tarjan's algorithm without recursion (a long dependency chain must not overflow the stack). */
export function stronglyConnected(size: number, edges: Adjacency): number[][] {
  const { offsets, targets } = edges;
  const order = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const members: number[] = [];
  const components: number[][] = [];
  const calls: { node: number; edge: number }[] = [];
  let counter = 0;
  for (let start = 0; start < size; start++) {
    if (order[start] !== -1 || offsets[start] === offsets[start + 1]) continue;
    calls.push({ node: start, edge: offsets[start] });
    order[start] = low[start] = counter++;
    members.push(start);
    onStack[start] = 1;
    while (calls.length) {
      const call = calls[calls.length - 1];
      const v = call.node;
      if (call.edge < offsets[v + 1]) {
        const w = targets[call.edge++];
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          members.push(w);
          onStack[w] = 1;
          calls.push({ node: w, edge: offsets[w] });
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], order[w]);
        }
        continue;
      }
      calls.pop();
      if (calls.length) {
        const parent = calls[calls.length - 1].node;
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === order[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = members.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  return components;
}

/** From the first member, go each time to the nearest member not yet visited, then back to the start. */
function closedWalk(index: GraphIndex, members: number[]): number[] {
  const inside = new Set(members);
  const unvisited = new Set(members.slice(1));
  const walk = [members[0]];
  let at = members[0];
  while (unvisited.size) {
    const step = shortestStep(index.dependsOn, inside, at, (j) => unvisited.has(j));
    for (const j of step) unvisited.delete(j);
    walk.push(...step);
    at = walk[walk.length - 1];
  }
  walk.push(...shortestStep(index.dependsOn, inside, at, (j) => j === members[0]));
  return walk;
}

/** Breadth-first inside the component from `from` to the first node `isGoal` accepts; the nodes after `from`. */
function shortestStep(edges: Adjacency, inside: Set<number>, from: number, isGoal: (j: number) => boolean): number[] {
  const parent = new Map<number, number>([[from, -1]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head];
    for (let e = edges.offsets[at]; e < edges.offsets[at + 1]; e++) {
      const j = edges.targets[e];
      if (!inside.has(j)) continue;
      if (isGoal(j)) {
        const step = [j];
        for (let k = at; k !== from; k = parent.get(k)!) step.push(k);
        return step.reverse();
      }
      if (parent.has(j)) continue;
      parent.set(j, at);
      queue.push(j);
    }
  }
  return []; // unreachable inside a strongly connected set
}
