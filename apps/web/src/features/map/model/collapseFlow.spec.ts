import { NODE_HEIGHT, NODE_WIDTH, TREE_GAP, type Positions } from '../layout/geometry';
import { collapseFlow } from './collapseFlow';
import { GROUP_HEADER, GROUP_PAD, groupBox, type Box, type Group, type Groups } from './groups';

const group = (id: string, memberIds: string[]): Group => ({ id, name: id, headId: null, memberIds });
const grouping = (groups: Group[]): Groups => ({
  grouping: 'unit',
  groups,
  groupOf: new Map(groups.flatMap((g) => g.memberIds.map((m) => [m, g.id] as const))),
});
/** A box's cards in a row of `n` at x, y (the box's top-left corner), as the layout packs them. */
const row = (prefix: string, n: number, x: number, y: number): Positions =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `${prefix}${i}`,
      { x: x + GROUP_PAD + i * (NODE_WIDTH + 28), y: y + GROUP_HEADER },
    ]),
  );
const ids = (p: Positions) => Object.keys(p);
const hits = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** What is drawn for a group: a card at its box's corner when collapsed, else its box. */
const drawnBox = (g: Group, positions: Positions, collapsed: ReadonlySet<string>): Box => {
  const box = groupBox(g.memberIds, positions)!;
  return collapsed.has(g.id) ? { x: box.x, y: box.y, width: NODE_WIDTH, height: NODE_HEIGHT } : box;
};

// A shelf of three boxes (A wide and tall, B, C), and a shelf below of D (under A) and E (under B and C).
const a = row('a', 3, 0, 0);
a.a3 = { x: GROUP_PAD, y: GROUP_HEADER + 2 * (NODE_HEIGHT + 80) }; // A is three rows tall
const aBox = groupBox(ids(a), a)!;
const b = row('b', 1, aBox.width + TREE_GAP, 0);
const bBox = groupBox(ids(b), b)!;
const c = row('c', 1, bBox.x + bBox.width + TREE_GAP, 0);
const below = aBox.height + TREE_GAP;
const d = row('d', 2, 0, below);
const e = row('e', 2, bBox.x, below);
const positions: Positions = { ...a, ...b, ...c, ...d, ...e };
const groups = [group('A', ids(a)), group('B', ids(b)), group('C', ids(c)), group('D', ids(d)), group('E', ids(e))];
const model = grouping(groups);
const all = ids(positions);

describe(collapseFlow.name, () => {
  it('closes up behind a collapsed box: the boxes right of it move left, the one below moves up, each whole', () => {
    const collapsed = new Set(['A']);
    const flow = collapseFlow(model, all, positions, collapsed)!;
    const shrunkBy = aBox.width - NODE_WIDTH;
    // B and C keep their gaps to what is left of them.
    expect(flow.shifts.get('b0')).toEqual({ x: -shrunkBy, y: 0 });
    expect(flow.shifts.get('c0')).toEqual({ x: -shrunkBy, y: 0 });
    // D moves up under A's card as far as B, which moved left over it, lets it: the gap between boxes kept.
    const dBox = groupBox(ids(d), flow.positions)!;
    expect(groupBox(ids(b), flow.positions)!.x).toBeLessThan(dBox.x + dBox.width);
    expect(dBox.y).toBe(bBox.y + bBox.height + TREE_GAP);
    expect(dBox.y).toBeLessThan(below);
    expect(dBox.x).toBe(0);
    // E is now under B and C, which are shorter than A was: it moves up as far as they let it.
    const eBox = groupBox(ids(e), flow.positions)!;
    expect(eBox.y).toBe(bBox.y + bBox.height + TREE_GAP);
    // Every box's cards moved together: the shapes are kept.
    for (const g of groups) {
      const before = groupBox(g.memberIds, positions)!;
      const after = groupBox(g.memberIds, flow.positions)!;
      expect([after.width, after.height]).toEqual([before.width, before.height]);
    }
    // Nothing drawn overlaps.
    const drawn = groups.map((g) => drawnBox(g, flow.positions, collapsed));
    drawn.forEach((x, i) => drawn.slice(i + 1).forEach((y) => expect(hits(x, y)).toBe(false)));
  });

  it('never changes the positions it is given, and expanding again draws everything where it was', () => {
    const kept = JSON.parse(JSON.stringify(positions)) as Positions;
    collapseFlow(model, all, positions, new Set(['A', 'B']));
    expect(positions).toEqual(kept);
    expect(collapseFlow(model, all, positions, new Set())).toBeNull();
  });

  it('holds a box back where something that did not shrink stands beside it', () => {
    // B collapsed: C closes up to B's card; nothing left of B moves, nor D under A.
    const collapsed = new Set(['B']);
    const flow = collapseFlow(model, all, positions, collapsed)!;
    expect(flow.shifts.get('a0')).toBeUndefined();
    expect(flow.shifts.get('d0')).toBeUndefined();
    expect(flow.shifts.get('c0')).toEqual({ x: -(bBox.width - NODE_WIDTH), y: 0 });
    // E, under B, rises by what B gave up; D, under A, stays.
    const eBox = groupBox(ids(e), flow.positions)!;
    expect(eBox.y).toBe(below - (bBox.height - NODE_HEIGHT));
    expect(groupBox(ids(d), flow.positions)!.y).toBe(below);
  });

  it('moves cards in no group in clumps: a tree of loose cards keeps its shape', () => {
    // A loose tree right of A: an objective over two projects.
    const x = aBox.x + aBox.width + TREE_GAP;
    const tree: Positions = {
      o: { x: x + 144, y: 0 },
      p1: { x, y: NODE_HEIGHT + 80 },
      p2: { x: x + 288, y: NODE_HEIGHT + 80 },
    };
    const withTree = { ...a, ...tree };
    const m = grouping([group('A', ids(a))]);
    const flow = collapseFlow(m, [...ids(a), ...ids(tree)], withTree, new Set(['A']))!;
    const shifts = ids(tree).map((id) => flow.shifts.get(id));
    expect(shifts[0]).toEqual({ x: -(aBox.width - NODE_WIDTH), y: 0 });
    expect(shifts[1]).toEqual(shifts[0]);
    expect(shifts[2]).toEqual(shifts[0]);
  });

  it('keeps any random arrangement of boxes apart, and never moves anything right or down', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let round = 0; round < 30; round++) {
      // Boxes of random sizes on a loose grid, none overlapping.
      const layout: Positions = {};
      const list: Group[] = [];
      for (let i = 0; i < 12; i++) {
        const cols = 1 + Math.floor(random() * 3);
        const x = (i % 4) * 1200 + Math.floor(random() * 200);
        const y = Math.floor(i / 4) * 900 + Math.floor(random() * 200);
        const cards = row(`g${i}-`, cols, x, y);
        if (random() < 0.5) cards[`g${i}-tall`] = { x: x + GROUP_PAD, y: y + GROUP_HEADER + 200 };
        Object.assign(layout, cards);
        list.push(group(`G${i}`, ids(cards)));
      }
      const collapsed = new Set(list.filter(() => random() < 0.4).map((g) => g.id));
      const flow = collapseFlow(grouping(list), ids(layout), layout, collapsed);
      const placed = flow?.positions ?? layout;
      const drawn = list.map((g) => drawnBox(g, placed, collapsed));
      drawn.forEach((p, i) => drawn.slice(i + 1).forEach((q) => expect(hits(p, q)).toBe(false)));
      for (const shift of flow?.shifts.values() ?? []) {
        expect(shift.x).toBeLessThanOrEqual(0);
        expect(shift.y).toBeLessThanOrEqual(0);
      }
    }
  });

  it('leaves lanes alone (they do not fold)', () => {
    expect(collapseFlow({ ...model, grouping: 'lanes' }, all, positions, new Set(['A']))).toBeNull();
  });
});
