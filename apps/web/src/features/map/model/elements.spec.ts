import type { MapNodeData } from '../nodes/types';
import { buildEdges, buildNodeData, buildNodes, countFindings, freeSpot, reconcile, sameNode } from './elements';
import { graphLink, graphNode } from './testGraph';

const nodes = [graphNode('OBJ-1', 'objective'), graphNode('PRJ-1', 'project'), graphNode('PRJ-2', 'project')];
const positions = { 'OBJ-1': { x: 0, y: 0 }, 'PRJ-1': { x: 0, y: 200 }, 'PRJ-2': { x: 300, y: 200 } };
const data = (findings = new Map()) => buildNodeData(nodes, new Map(), new Map(), findings);

describe('map elements', () => {
  it('counts findings per node, errors apart', () => {
    const counts = countFindings([
      {
        id: 'a',
        rule: 'dependency-cycle',
        severity: 'error',
        nodeIds: ['PRJ-1', 'PRJ-2'],
        nodeKeys: [],
        message: '',
        path: [],
      },
      { id: 'b', rule: 'orphan-work', severity: 'warning', nodeIds: ['PRJ-1'], nodeKeys: [], message: '', path: [] },
    ]);
    expect(counts.get('PRJ-1')).toEqual({ total: 2, errors: 1 });
    expect(counts.get('PRJ-2')).toEqual({ total: 1, errors: 1 });
  });

  it('builds nodes of fixed size with their handles, so React Flow has nothing to measure', () => {
    const [objective, project] = buildNodes(nodes, data(), positions, { selectedId: 'PRJ-1', highlight: null });
    expect(objective).toMatchObject({
      type: 'objective',
      width: 260,
      height: 120,
      measured: { width: 260, height: 120 },
    });
    expect(objective.handles?.map((h) => h.id)).toEqual(['up', 'down']);
    expect(project.handles?.map((h) => h.id)).toEqual(['up', 'down', 'dep-out', 'dep-in']);
    expect(project.selected).toBe(true);
  });

  it('lights the highlighted nodes and links and dims the rest', () => {
    const highlight = { nodeIds: new Set(['OBJ-1', 'PRJ-1']), linkIds: new Set(['PRJ-1>OBJ-1:contributes_to']) };
    const built = buildNodes(nodes, data(), positions, { selectedId: null, highlight });
    expect(built.map((n) => n.className)).toEqual(['is-lit', 'is-lit', 'is-dimmed']);
    const edges = buildEdges(
      [graphLink('PRJ-1', 'OBJ-1'), graphLink('PRJ-2', 'PRJ-1', 'depends_on', { state: 'proposed' })],
      highlight,
    );
    expect(edges.map((e) => [e.type, e.className])).toEqual([
      ['chain', 'link-contributes_to state-approved is-lit'],
      ['dependency', 'link-depends_on state-proposed is-dimmed'],
    ]);
    expect(edges[1]).toMatchObject({ sourceHandle: 'dep-out', targetHandle: 'dep-in' });
  });

  it('keeps the node objects whose content did not change, so a selection re-renders two nodes', () => {
    const before = buildNodes(nodes, data(), positions, { selectedId: 'OBJ-1', highlight: null });
    // Fresh data objects with equal content (as after an audit refetch) and a new selection.
    const next = buildNodes(nodes, data(), positions, { selectedId: 'PRJ-2', highlight: null });
    const after = reconcile(before, next, sameNode);
    expect(after.map((n, i) => n === before[i])).toEqual([false, true, false]);
    expect(
      reconcile(after, buildNodes(nodes, data(), positions, { selectedId: 'PRJ-2', highlight: null }), sameNode),
    ).toBe(after);
  });

  it('gives a node with a new finding a new object', () => {
    const before = buildNodes(nodes, data(), positions, { selectedId: null, highlight: null });
    const withFinding = data(new Map([['PRJ-2', { total: 1, errors: 0 }]]));
    const after = reconcile(
      before,
      buildNodes(nodes, withFinding, positions, { selectedId: null, highlight: null }),
      sameNode,
    );
    expect(after.map((n, i) => n === before[i])).toEqual([true, true, false]);
    expect((after[2].data as MapNodeData).findings.total).toBe(1);
  });

  it('finds the free place nearest where a new node is wanted', () => {
    expect(freeSpot({ x: 0, y: 500 }, positions)).toEqual({ x: 0, y: 500 });
    const spot = freeSpot({ x: 10, y: 10 }, positions);
    const clear = Object.values(positions).every((p) => Math.abs(p.x - spot.x) >= 276 || Math.abs(p.y - spot.y) >= 136);
    expect(clear).toBe(true);
    expect(Math.hypot(spot.x - 10, spot.y - 10)).toBeLessThan(400);
  });
});
