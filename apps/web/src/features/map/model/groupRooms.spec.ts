import type { Positions, XY } from '../layout/geometry';
import { NODE_HEIGHT, NODE_WIDTH } from '../layout/geometry';
import { frameOf } from './groups';
import { arrange } from './placement';
import { graphLink, graphNode } from './testGraph';

// Placement in a grouped map (model/groupRooms.ts): new cards inside their own box, clear of the others.

const overlap = (a: XY, b: XY) => Math.abs(a.x - b.x) < NODE_WIDTH + 16 && Math.abs(a.y - b.y) < NODE_HEIGHT + 16;
const clearOfAll = (id: string, positions: Positions) =>
  Object.entries(positions).every(([other, at]) => other === id || !overlap(at, positions[id]));
const none = new Set<string>();

describe('placement in a grouped map', () => {
  // Two programme boxes side by side, a third below the first, and a loose objective above: as packed, each box's
  // cards framed by its header (above) and padding. Box A is full: a programme over a row of two projects.
  const frame = { top: 96, right: 32, bottom: 32, left: 32 };
  const grouped: Positions = {
    'PRG-A': { x: 0, y: 0 },
    'PRJ-A1': { x: 0, y: 200 },
    'PRJ-A2': { x: 288, y: 200 },
    'PRG-B': { x: 740, y: 0 },
    'PRJ-B1': { x: 740, y: 200 },
    // Box C starts 48 below box A's frame: no room for A to grow downwards.
    'PRG-C': { x: 0, y: 496 },
    'OBJ-1': { x: 400, y: -400 },
  };
  const groupOf = new Map([
    ['PRG-A', 'A'],
    ['PRJ-A1', 'A'],
    ['PRJ-A2', 'A'],
    ['PRG-B', 'B'],
    ['PRJ-B1', 'B'],
    ['PRG-C', 'C'],
  ]);
  const drawn = Object.keys(grouped).map((id) => graphNode(id, id.startsWith('PRG') ? 'programme' : 'project'));
  const partOf = ['PRJ-A1', 'PRJ-A2'].map((id) => graphLink(id, 'PRG-A', 'part_of'));
  const framedBox = (ids: string[], positions: Positions) => ({
    left: Math.min(...ids.map((id) => positions[id].x)) - frame.left,
    top: Math.min(...ids.map((id) => positions[id].y)) - frame.top,
    right: Math.max(...ids.map((id) => positions[id].x)) + NODE_WIDTH + frame.right,
    bottom: Math.max(...ids.map((id) => positions[id].y)) + NODE_HEIGHT + frame.bottom,
  });
  type Rect = ReturnType<typeof framedBox>;
  const hits = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const card = (at: XY): Rect => ({ left: at.x, top: at.y, right: at.x + NODE_WIDTH, bottom: at.y + NODE_HEIGHT });
  const membersOf = (group: string, of: ReadonlyMap<string, string>) =>
    [...of].filter(([, g]) => g === group).map(([id]) => id);

  it('puts a new project of a programme inside the programme’s box, beside it, the box growing clear of the others', () => {
    const newcomer = graphNode('PRJ-NEW', 'project');
    const of = new Map([...groupOf, ['PRJ-NEW', 'A']]);
    const out = arrange({
      nodes: [...drawn, newcomer],
      links: [...partOf, graphLink('PRJ-NEW', 'PRG-A', 'part_of')],
      positions: grouped,
      pinned: new Set(['PRJ-A1', 'PRG-C']),
      groups: { groupOf: of, frame },
    });
    const at = out['PRJ-NEW'];
    expect(clearOfAll('PRJ-NEW', out)).toBe(true);
    // Its box, grown to hold it, reaches neither box B nor box C, nor the loose objective.
    const a = framedBox(membersOf('A', of), out);
    expect(hits(a, framedBox(membersOf('B', of), out))).toBe(false);
    expect(hits(a, framedBox(membersOf('C', of), out))).toBe(false);
    expect(hits(a, card(out['OBJ-1']))).toBe(false);
    // Beside its programme: within a card and a half of it.
    expect(Math.hypot(at.x - grouped['PRG-A'].x, at.y - grouped['PRG-A'].y)).toBeLessThan(1.5 * NODE_WIDTH + 200);
    // Nobody else moved.
    for (const id of Object.keys(grouped)) expect(out[id]).toBe(grouped[id]);
  });

  it('without the groups, the same newcomer lands where box A would grow into box C', () => {
    // What the grouped placement is for: the plain one looks for a free spot among the cards only.
    const out = arrange({
      nodes: [...drawn, graphNode('PRJ-NEW', 'project')],
      links: [...partOf, graphLink('PRJ-NEW', 'PRG-A', 'part_of')],
      positions: grouped,
      pinned: none,
    });
    const of = new Map([...groupOf, ['PRJ-NEW', 'A']]);
    expect(hits(framedBox(membersOf('A', of), out), framedBox(membersOf('C', of), out))).toBe(true);
  });

  it('keeps a node linked into another group inside its own box, on the side nearest its neighbour', () => {
    // Unit grouping: a project of unit B serving programme A's work stays in B's box.
    const of = new Map([...groupOf, ['PRJ-NEW', 'B']]);
    const out = arrange({
      nodes: [...drawn, graphNode('PRJ-NEW', 'project')],
      links: [...partOf, graphLink('PRJ-NEW', 'PRJ-A2', 'depends_on')],
      positions: grouped,
      pinned: none,
      groups: { groupOf: of, frame },
    });
    const b = framedBox(membersOf('B', groupOf), grouped);
    const at = out['PRJ-NEW'];
    // Inside B's box as it was, or just beside it (the box grows), never back towards A.
    expect(at.x).toBeGreaterThanOrEqual(b.left);
    expect(hits(framedBox(membersOf('B', of), out), framedBox(membersOf('A', of), out))).toBe(false);
    expect(clearOfAll('PRJ-NEW', out)).toBe(true);
  });

  it('puts a node made beside a boxed card, with no link yet, clear of every box near where it was made', () => {
    const out = arrange({
      nodes: [...drawn, graphNode('PRJ-NEW', 'project')],
      links: partOf,
      positions: grouped,
      pinned: none,
      groups: { groupOf, frame },
      hints: { 'PRJ-NEW': { x: 0, y: 336 } },
    });
    const at = out['PRJ-NEW'];
    for (const g of ['A', 'B', 'C']) expect(hits(card(at), framedBox(membersOf(g, groupOf), grouped))).toBe(false);
    // Near where it was made, not on the shelf under everything.
    expect(Math.hypot(at.x, at.y - 336)).toBeLessThan(3 * NODE_WIDTH);
  });

  it('places a new key result and its new project together in their box', () => {
    // Box D under box B, as C is under A.
    const positions = { ...grouped, 'PRG-D': { x: 740, y: 496 } };
    const of = new Map([...groupOf, ['PRG-D', 'D'], ['KR-NEW', 'B'], ['PRJ-NEW', 'B']]);
    const out = arrange({
      // The project first: it waits for its key result rather than taking the box's last row.
      nodes: [
        ...drawn,
        graphNode('PRG-D', 'programme'),
        graphNode('PRJ-NEW', 'project'),
        graphNode('KR-NEW', 'key_result'),
      ],
      links: [...partOf, graphLink('KR-NEW', 'PRG-B'), graphLink('PRJ-NEW', 'KR-NEW')],
      positions,
      pinned: none,
      groups: { groupOf: of, frame },
    });
    // Beside its key result (below it has no room: box D is there).
    const [kr, project] = [out['KR-NEW'], out['PRJ-NEW']];
    expect(Math.hypot(project.x - kr.x, project.y - kr.y)).toBeLessThanOrEqual(NODE_WIDTH + 28);
    const b = framedBox(membersOf('B', of), out);
    for (const g of ['A', 'C', 'D']) expect(hits(b, framedBox(membersOf(g, of), out))).toBe(false);
    expect(clearOfAll('PRJ-NEW', out) && clearOfAll('KR-NEW', out)).toBe(true);
  });
});

describe('placement in a grouped map: new nodes linked to each other', () => {
  it('places a new project after the new key result it serves, beside it, not in its box’s last row', () => {
    const tall: Positions = {
      'PRG-E': { x: 0, y: 0 },
      'PRJ-E1': { x: 0, y: 200 },
      'PRJ-E2': { x: 0, y: 400 },
      'PRJ-E3': { x: 0, y: 600 },
    };
    const groupOf = new Map([...Object.keys(tall), 'KR-NEW', 'PRJ-NEW'].map((id) => [id, 'E']));
    const out = arrange({
      // The project first in the drawn order: it waits for its key result.
      nodes: [...Object.keys(tall), 'PRJ-NEW', 'KR-NEW'].map((id) => graphNode(id, 'project')),
      links: [graphLink('KR-NEW', 'PRG-E', 'depends_on'), graphLink('PRJ-NEW', 'KR-NEW')],
      positions: tall,
      pinned: none,
      groups: { groupOf, frame: { top: 96, right: 32, bottom: 32, left: 32 } },
    });
    expect(out['KR-NEW']).toEqual({ x: NODE_WIDTH + 28, y: 0 });
    expect(out['PRJ-NEW']).toEqual({ x: NODE_WIDTH + 28, y: NODE_HEIGHT + 80 });
  });
});

describe('placement in a grouped map: in line', () => {
  it('stands a new card in line with its box’s cards (one of their rows and columns), not staggered between them', () => {
    // A programme over two full rows of three projects, as ELK lays a programme's box out; loose cards just below.
    const positions: Positions = { 'PRG-3': { x: 288, y: 0 } };
    for (let row = 0; row < 2; row++)
      for (let col = 0; col < 3; col++) positions[`PRJ-${row}${col}`] = { x: col * 288, y: 200 + row * 200 };
    positions['OBJ-1'] = { x: 288, y: 720 };
    const groupOf = new Map(
      Object.keys(positions)
        .filter((id) => id !== 'OBJ-1')
        .map((id) => [id, 'P']),
    );
    groupOf.set('PRJ-NEW', 'P');
    const out = arrange({
      nodes: [...Object.keys(positions), 'PRJ-NEW'].map((id) => graphNode(id, 'project')),
      links: [graphLink('PRJ-NEW', 'PRG-3', 'part_of')],
      positions,
      pinned: none,
      groups: { groupOf, frame: { top: 96, right: 32, bottom: 32, left: 32 } },
    });
    const at = out['PRJ-NEW'];
    expect([-288, 0, 288, 576, 864]).toContain(at.x);
    expect([-200, 0, 200, 400, 600]).toContain(at.y);
    // Beside its programme, in its row (below has no room, and the loose objective bars growing down).
    expect(at.y).toBe(0);
    expect(Math.abs(at.x - 288)).toBe(288);
    expect(clearOfAll('PRJ-NEW', out)).toBe(true);
  });
});

describe('placement in a grouped map: no box to join', () => {
  it('puts a card with no box to join clear of a big box its neighbour is in the middle of, however far the edge', () => {
    // One wide theme box, its cards sparse: free spots inside it, but they are its, not the newcomer's.
    const positions: Positions = {};
    for (let i = 0; i < 35; i++) positions[`C-${i}`] = { x: (i % 7) * 1000, y: Math.floor(i / 7) * 700 };
    const groupOf = new Map(Object.keys(positions).map((id) => [id, 'T']));
    groupOf.set('PRJ-NEW', 'none'); // "Not linked to a theme": its first card
    const out = arrange({
      nodes: [...Object.keys(positions), 'PRJ-NEW'].map((id) => graphNode(id, 'project')),
      // It serves the card in the middle of the box.
      links: [graphLink('PRJ-NEW', 'C-17')],
      positions,
      pinned: none,
      groups: { groupOf, frame: { top: 96, right: 32, bottom: 32, left: 32 } },
    });
    const at = out['PRJ-NEW'];
    const box = { left: -32, top: -96, right: 6000 + NODE_WIDTH + 32, bottom: 2800 + NODE_HEIGHT + 32 };
    const inBox = at.x + NODE_WIDTH > box.left && at.x < box.right && at.y + NODE_HEIGHT > box.top && at.y < box.bottom;
    expect(inBox).toBe(false);
  });
});

describe('placement in a grouped map: made on the map', () => {
  it('keeps a card just made, with no box to join yet, in sight beside where it was made, even among boxes', () => {
    const positions: Positions = {};
    for (let i = 0; i < 35; i++) positions[`C-${i}`] = { x: (i % 7) * 1000, y: Math.floor(i / 7) * 700 };
    const groupOf = new Map(Object.keys(positions).map((id) => [id, 'T']));
    groupOf.set('PRJ-NEW', 'none');
    const out = arrange({
      nodes: [...Object.keys(positions), 'PRJ-NEW'].map((id) => graphNode(id, 'project')),
      links: [],
      positions,
      pinned: none,
      groups: { groupOf, frame: { top: 96, right: 32, bottom: 32, left: 32 } },
      hints: { 'PRJ-NEW': { x: 3000, y: 1600 } },
    });
    expect(out['PRJ-NEW']).toEqual({ x: 3000, y: 1600 });
  });
});

describe('placement in swimlanes', () => {
  it('keeps a new card in its own lane, even beside a neighbour in the lane below', () => {
    // Lane A: one row of three; lane B below it (as layoutLanes stacks them), its first card under A's.
    const positions: Positions = {
      A1: { x: 560, y: 40 },
      A2: { x: 848, y: 40 },
      A3: { x: 1136, y: 40 },
      B1: { x: 560, y: 320 },
    };
    const groupOf = new Map([
      ['A1', 'A'],
      ['A2', 'A'],
      ['A3', 'A'],
      ['B1', 'B'],
      ['NEW', 'A'],
    ]);
    const out = arrange({
      nodes: [...Object.keys(positions), 'NEW'].map((id) => graphNode(id, 'project')),
      // It depends on B1: beside it is in lane B.
      links: [graphLink('NEW', 'B1', 'depends_on')],
      positions,
      pinned: none,
      groups: { groupOf, frame: frameOf('lanes') },
    });
    // In lane A (grown to hold it), clear of lane B's band: the two lanes' padding apart.
    expect(out.NEW.y + NODE_HEIGHT + 40).toBeLessThanOrEqual(positions.B1.y - 40);
    expect(clearOfAll('NEW', out)).toBe(true);
  });
});
