import type { Positions, XY } from '../layout/geometry';
import { NODE_HEIGHT, NODE_WIDTH } from '../layout/geometry';
import { arrange, besideNeighbours, nearestFree, Occupancy } from './placement';
import { graphLink, graphNode } from './testGraph';

const overlap = (a: XY, b: XY) => Math.abs(a.x - b.x) < NODE_WIDTH + 16 && Math.abs(a.y - b.y) < NODE_HEIGHT + 16;
const clearOfAll = (id: string, positions: Positions) =>
  Object.entries(positions).every(([other, at]) => other === id || !overlap(at, positions[id]));

/** An objective with a key result under it and two projects under that, as ELK lays them out. */
const objective = graphNode('OBJ-1', 'objective');
const kr = graphNode('KR-1', 'key_result');
const p1 = graphNode('PRJ-1', 'project');
const p2 = graphNode('PRJ-2', 'project');
const far = graphNode('OBJ-9', 'objective');
const laidOut: Positions = {
  'OBJ-1': { x: 0, y: 0 },
  'KR-1': { x: 0, y: 200 },
  'PRJ-1': { x: -150, y: 400 },
  'PRJ-2': { x: 150, y: 400 },
  'OBJ-9': { x: 2000, y: 0 },
};
const links = [graphLink('KR-1', 'OBJ-1'), graphLink('PRJ-1', 'KR-1'), graphLink('PRJ-2', 'KR-1')];
const none = new Set<string>();

describe('placement', () => {
  it('wants a node below what it serves, above what serves it, beside a dependency', () => {
    expect(besideNeighbours('NEW', [graphLink('NEW', 'OBJ-1')], laidOut)).toEqual({ x: 0, y: 200 });
    expect(besideNeighbours('NEW', [graphLink('KR-1', 'NEW')], laidOut)).toEqual({ x: 0, y: 0 });
    expect(besideNeighbours('NEW', [graphLink('NEW', 'OBJ-9', 'depends_on')], laidOut)).toEqual({ x: 2288, y: 0 });
    // Several neighbours: between them.
    expect(besideNeighbours('NEW', [graphLink('NEW', 'OBJ-1'), graphLink('NEW', 'OBJ-9')], laidOut)).toEqual({
      x: 1000,
      y: 200,
    });
    expect(besideNeighbours('NEW', [graphLink('NEW', 'ELSEWHERE')], laidOut)).toBeNull();
  });

  it('finds the nearest free spot on a grid, as the naive scan would', () => {
    const occupied = new Occupancy(laidOut);
    expect(occupied.overlapping({ x: 10, y: 190 })).toEqual(['KR-1']);
    expect(occupied.isFree({ x: 0, y: 600 })).toBe(true);
    const spot = nearestFree({ x: 0, y: 200 }, occupied);
    expect(clearOfAll('S', { ...laidOut, S: spot })).toBe(true);
    expect(Math.hypot(spot.x, spot.y - 200)).toBeLessThan(400);
  });

  it('puts a new project linked to a key result next to it, not on the shelf under everything', () => {
    const newcomer = graphNode('PRJ-NEW', 'project');
    const positions = arrange({
      nodes: [objective, kr, p1, p2, far, newcomer],
      links: [...links, graphLink('PRJ-NEW', 'KR-1')],
      positions: laidOut,
      pinned: none,
    });
    const at = positions['PRJ-NEW'];
    expect(clearOfAll('PRJ-NEW', positions)).toBe(true);
    // Below the key result (it serves it), and close: within two rows and two columns.
    expect(at.y).toBeGreaterThan(laidOut['KR-1'].y);
    expect(Math.abs(at.x - laidOut['KR-1'].x)).toBeLessThan(2 * NODE_WIDTH);
    expect(at.y - laidOut['KR-1'].y).toBeLessThan(3 * (NODE_HEIGHT + 80));
    // Nobody else moved.
    for (const id of Object.keys(laidOut)) expect(positions[id]).toBe(laidOut[id]);
  });

  it('places a chain of new nodes from the placed one down (new KR under the objective, new project under it)', () => {
    const newKr = graphNode('KR-NEW', 'key_result');
    const newPrj = graphNode('PRJ-NEW', 'project');
    const positions = arrange({
      // The project comes first in the drawn order: it waits for its key result to be placed.
      nodes: [objective, kr, p1, p2, far, newPrj, newKr],
      links: [...links, graphLink('PRJ-NEW', 'KR-NEW'), graphLink('KR-NEW', 'OBJ-9')],
      positions: laidOut,
      pinned: none,
    });
    expect(positions['KR-NEW']).toEqual({ x: 2000, y: 200 });
    expect(positions['PRJ-NEW']).toEqual({ x: 2000, y: 400 });
  });

  it('puts a node with nothing placed to stand beside in a row under everything', () => {
    const loner = graphNode('BAU-1', 'bau');
    const positions = arrange({ nodes: [objective, kr, p1, p2, far, loner], links, positions: laidOut, pinned: none });
    expect(positions['BAU-1'].y).toBeGreaterThan(400 + NODE_HEIGHT);
  });

  it('answers the same positions when nothing needs placing or nudging (nothing re-renders)', () => {
    const nodes = [objective, kr, p1, p2, far];
    expect(arrange({ nodes, links, positions: laidOut, pinned: none })).toBe(laidOut);
    expect(arrange({ nodes, links, positions: laidOut, pinned: new Set(['OBJ-9']) })).toBe(laidOut);
  });

  it('nudges an automatically placed node off a pinned one, and never moves a pinned node', () => {
    // A PMO put KR-1 where the layout put PRJ-2; PRJ-1 was moved by the user onto OBJ-1's spot.
    const positions: Positions = { ...laidOut, 'KR-1': { x: 150, y: 400 }, 'PRJ-1': { x: 0, y: 0 } };
    const pinned = new Set(['KR-1', 'PRJ-1']);
    const out = arrange({ nodes: [objective, kr, p1, p2, far], links, positions, pinned });
    expect(out['KR-1']).toEqual({ x: 150, y: 400 });
    expect(out['PRJ-1']).toEqual({ x: 0, y: 0 });
    expect(out['OBJ-9']).toBe(laidOut['OBJ-9']);
    for (const id of ['PRJ-2', 'OBJ-1']) {
      expect(clearOfAll(id, out)).toBe(true);
      expect(Math.hypot(out[id].x - positions[id].x, out[id].y - positions[id].y)).toBeLessThan(400);
    }
  });

  it('never moves pinned nodes for a newcomer either: it finds room around them', () => {
    const pinned = new Set(['KR-1', 'PRJ-1', 'PRJ-2']);
    const newcomer = graphNode('PRJ-NEW', 'project');
    const out = arrange({
      nodes: [objective, kr, p1, p2, far, newcomer],
      links: [...links, graphLink('PRJ-NEW', 'KR-1')],
      positions: laidOut,
      pinned,
    });
    for (const id of pinned) expect(out[id]).toBe(laidOut[id]);
    expect(clearOfAll('PRJ-NEW', out)).toBe(true);
  });

  it('places newcomers on a crowded 2,000-node view: beside their neighbours where there is room, else on the shelf', () => {
    const nodes = Array.from({ length: 2000 }, (_, i) => graphNode(`N-${i}`, 'project'));
    const positions: Positions = Object.fromEntries(
      nodes.map((n, i) => [n.id, { x: (i % 50) * (NODE_WIDTH + 28), y: Math.floor(i / 50) * (NODE_HEIGHT + 80) }]),
    );
    const newcomers = Array.from({ length: 100 }, (_, i) => graphNode(`NEW-${i}`, 'project'));
    const pinned = new Set(nodes.slice(0, 300).map((n) => n.id));
    const out = arrange({
      nodes: [...nodes, ...newcomers],
      links: newcomers.map((n, i) => graphLink(n.id, `N-${i * 7}`)),
      positions,
      pinned,
    });
    for (const n of newcomers) expect(clearOfAll(n.id, out)).toBe(true);
    for (const id of pinned) expect(out[id]).toBe(positions[id]);
  });
});
