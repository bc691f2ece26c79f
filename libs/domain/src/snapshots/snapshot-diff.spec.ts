import { diffSnapshots, sameValue, type SnapshotContent } from './snapshot-diff.js';

const coverage = (covered: number, total: number, aligned = 0) => ({
  objectives: { total, covered, share: total ? covered / total : null },
  workByCount: { total: 4, aligned, share: aligned / 4 },
  workByMoney: { total: 0, aligned: 0, share: null },
});

const base: SnapshotContent = {
  graph: {
    nodes: [
      { id: 'a', key: 'OBJ-1', title: 'Grow', status: 'active', tags: ['x'], version: 1 },
      { id: 'b', key: 'PRJ-1', title: 'Build', budget: 100, version: 3 },
      { id: 'c', key: 'PRJ-2', title: 'Gone soon', version: 1 },
    ],
    links: [
      { id: 'l1', fromId: 'b', toId: 'a', kind: 'contributes_to', weight: null },
      { id: 'l2', fromId: 'c', toId: 'a', kind: 'contributes_to', weight: null },
    ],
  },
  coverage: coverage(1, 2, 1),
  audit: { error: 2, warning: 1, info: 0 },
};

describe('diffSnapshots', () => {
  it('finds nothing between a snapshot and itself', () => {
    const diff = diffSnapshots(base, structuredClone(base));
    expect(diff.counts).toEqual({
      nodes: { added: 0, removed: 0, changed: 0 },
      links: { added: 0, removed: 0, changed: 0 },
    });
    expect(diff.audit.error).toEqual({ from: 2, to: 2, delta: 0 });
  });

  it('lists nodes and links added, removed and changed field by field, ignoring bookkeeping fields', () => {
    const after: SnapshotContent = {
      graph: {
        nodes: [
          // title and tags changed; version moved (ignored)
          { id: 'a', key: 'OBJ-1', title: 'Grow faster', status: 'active', tags: ['x', 'y'], version: 2 },
          // only the version moved: not a change
          { id: 'b', key: 'PRJ-1', title: 'Build', budget: 100, version: 4 },
          { id: 'd', key: 'BAU-1', title: 'Run', version: 1 },
        ],
        links: [
          { id: 'l1', fromId: 'b', toId: 'a', kind: 'contributes_to', weight: 40 },
          { id: 'l3', fromId: 'd', toId: 'a', kind: 'contributes_to', weight: null },
        ],
      },
      coverage: coverage(2, 2, 3),
      audit: { error: 0, warning: 1, info: 3 },
    };
    const diff = diffSnapshots(base, after);
    expect(diff.counts).toEqual({
      nodes: { added: 1, removed: 1, changed: 1 },
      links: { added: 1, removed: 1, changed: 1 },
    });
    expect(diff.nodes.added.map((n) => n.id)).toEqual(['d']);
    expect(diff.nodes.removed.map((n) => n.key)).toEqual(['PRJ-2']);
    expect(diff.nodes.changed).toEqual([
      {
        id: 'a',
        record: after.graph.nodes[0],
        changes: [
          { field: 'tags', from: ['x'], to: ['x', 'y'] },
          { field: 'title', from: 'Grow', to: 'Grow faster' },
        ],
      },
    ]);
    expect(diff.links.changed[0].changes).toEqual([{ field: 'weight', from: null, to: 40 }]);
    expect(diff.links.removed.map((l) => l.id)).toEqual(['l2']);
    expect(diff.coverage.objectivesCovered).toEqual({ from: 1, to: 2, delta: 1 });
    expect(diff.coverage.objectivesShare).toEqual({ from: 0.5, to: 1, delta: 0.5 });
    expect(diff.coverage.workAlignedByCountShare.delta).toBe(0.5);
    expect(diff.coverage.workAlignedByMoneyShare).toEqual({ from: null, to: null, delta: null });
    expect(diff.audit).toEqual({
      error: { from: 2, to: 0, delta: -2 },
      warning: { from: 1, to: 1, delta: 0 },
      info: { from: 0, to: 3, delta: 3 },
    });
  });

  it('treats a field that appears as null like a missing one', () => {
    const after = structuredClone(base);
    after.graph.nodes[2] = { ...after.graph.nodes[2], owner: null };
    expect(diffSnapshots(base, after).counts.nodes.changed).toBe(0);
  });
});

describe('sameValue', () => {
  it('compares JSON deeply, objects by keys whatever their order', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue([], {})).toBe(false);
  });
});
