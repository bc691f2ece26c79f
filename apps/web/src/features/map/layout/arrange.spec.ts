/**
 * @jest-environment node
 */
// Grouped and swimlane layouts: pure functions over plain data, as they run in the worker.
import type { NodeKind } from '@throughline/domain';
import { GROUP_HEADER, GROUP_PAD, LANE_LABEL, LANE_PAD, groupBox } from '../model/groups';
import { laneGrid, layoutArranged, layoutGroups, layoutLanes } from './arrange';
import { NODE_HEIGHT, NODE_WIDTH, type LayoutEdge, type LayoutNode, type Positions } from './layoutGraph';

const node = (id: string, kind: NodeKind, group: string | null = null): LayoutNode => ({ id, kind, group });
const contributes = (from: string, to: string): LayoutEdge => ({ from, to, kind: 'contributes_to' });
const partOf = (from: string, to: string): LayoutEdge => ({ from, to, kind: 'part_of' });

/** Cards overlap when their boxes do. */
function overlaps(positions: Positions): boolean {
  const boxes = Object.values(positions);
  return boxes.some((a, i) =>
    boxes.slice(i + 1).some((b) => Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT),
  );
}

const boxesOverlap = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// Two units whose work serves the same key result: the plain layout puts it all in one block under it.
const nodes = [
  node('thm', 'theme'),
  node('obj', 'objective'),
  node('kr', 'key_result'),
  node('prg', 'programme', 'A'),
  node('a1', 'project', 'A'),
  node('b1', 'project', 'B'),
  node('a2', 'project', 'A'),
  node('b2', 'bau', 'B'),
  node('b3', 'bau', 'B'),
];
const edges = [
  contributes('obj', 'thm'),
  contributes('kr', 'obj'),
  contributes('a1', 'kr'),
  contributes('b1', 'kr'),
  contributes('a2', 'kr'),
  contributes('b2', 'kr'),
  contributes('b3', 'kr'),
  partOf('a1', 'prg'),
  partOf('a2', 'prg'),
];
const members = (group: string) => nodes.filter((n) => n.group === group).map((n) => n.id);

describe(layoutGroups.name, () => {
  it('puts each group’s cards in a box of their own, which holds no other card', async () => {
    const p = await layoutGroups(nodes, edges, { arrange: 'groups', groupOrder: ['A', 'B'] });
    expect(Object.keys(p).sort()).toEqual(nodes.map((n) => n.id).sort());
    expect(overlaps(p)).toBe(false);
    const a = groupBox(members('A'), p)!;
    const b = groupBox(members('B'), p)!;
    expect(boxesOverlap(a, b)).toBe(false);
    for (const id of ['thm', 'obj', 'kr']) {
      const card = { ...p[id], width: NODE_WIDTH, height: NODE_HEIGHT };
      expect(boxesOverlap(card, a) || boxesOverlap(card, b)).toBe(false);
    }
  });

  it('leaves room for the header above a group’s cards and padding around them', async () => {
    const p = await layoutGroups(nodes, edges, { arrange: 'groups', groupOrder: ['A', 'B'] });
    const a = groupBox(members('A'), p)!;
    const b = groupBox(members('B'), p)!;
    // The headers and padding of two packed boxes never run into each other.
    expect(boxesOverlap(a, b)).toBe(false);
    expect(a.height).toBeGreaterThanOrEqual(NODE_HEIGHT + GROUP_HEADER + GROUP_PAD);
  });

  it('keeps the chain inside a group: a programme above its projects', async () => {
    const p = await layoutGroups(nodes, edges, { arrange: 'groups' });
    expect(p.prg.y).toBeLessThan(p.a1.y);
    expect(p.prg.y).toBeLessThan(p.a2.y);
  });

  it('is the plain layout when nothing asks for groups', async () => {
    const plain = nodes.map((n) => ({ id: n.id, kind: n.kind }));
    const { layoutGraph } = await import('./layoutGraph');
    expect(await layoutArranged(plain, edges)).toEqual(await layoutGraph(plain, edges));
  });
});

describe(layoutLanes.name, () => {
  const settings = { arrange: 'lanes' as const, groupOrder: ['strategy', 'A', 'B'] };

  it('puts strategy in a band above all delivery work', async () => {
    const p = await layoutLanes(nodes, edges, settings);
    const strategyBottom = Math.max(...['thm', 'obj', 'kr'].map((id) => p[id].y));
    const workTop = Math.min(...['prg', 'a1', 'a2', 'b1', 'b2', 'b3'].map((id) => p[id].y));
    expect(workTop).toBeGreaterThan(strategyBottom + NODE_HEIGHT);
  });

  it('gives each group a horizontal lane of its own, in the order asked for', async () => {
    const p = await layoutLanes(nodes, edges, settings);
    const span = (ids: string[]) => ({
      top: Math.min(...ids.map((id) => p[id].y)),
      bottom: Math.max(...ids.map((id) => p[id].y)) + NODE_HEIGHT,
    });
    const a = span(members('A'));
    const b = span(members('B'));
    // Lane A ends (with its padding) before lane B begins (with its own).
    expect(a.bottom + LANE_PAD).toBeLessThanOrEqual(b.top - LANE_PAD);
    const reversed = await layoutLanes(nodes, edges, { ...settings, groupOrder: ['B', 'A'] });
    expect(reversed.b1.y).toBeLessThan(reversed.a1.y);
  });

  it('lays a lane out as a wide strip: each programme followed by its projects', async () => {
    const lane = ['p1', 'x1', 'prg', 'p2', 'x2', 'x3', 'x4'].map((id) =>
      node(id, id === 'prg' ? 'programme' : 'project', 'A'),
    );
    const grid = laneGrid(lane, [partOf('p1', 'prg'), partOf('p2', 'prg')], 4 * NODE_WIDTH);
    const order = Object.entries(grid.positions)
      .sort(([, a], [, b]) => a.y - b.y || a.x - b.x)
      .map(([id]) => id);
    expect(order).toEqual(['prg', 'p1', 'p2', 'x1', 'x2', 'x3', 'x4']);
    // As many columns as fit the width asked for (three, with their gaps): three rows of three at most.
    expect(new Set(Object.values(grid.positions).map((p) => p.y)).size).toBe(3);
    const wide = laneGrid(lane, [], 20 * NODE_WIDTH);
    expect(new Set(Object.values(wide.positions).map((p) => p.y)).size).toBe(1);
  });

  it('starts every lane right of the label column', async () => {
    const p = await layoutLanes(nodes, edges, settings);
    expect(Math.min(...Object.values(p).map((q) => q.x))).toBe(LANE_LABEL);
    expect(overlaps(p)).toBe(false);
  });
});
