/**
 * @jest-environment node
 */
// The layout is a pure function over plain data: it runs without a DOM, as it does in the worker.
import type { NodeKind } from '@throughline/domain';
import { NODE_HEIGHT, NODE_WIDTH, layoutGraph, type LayoutEdge, type LayoutNode, type Positions } from './layoutGraph';

const node = (id: string, kind: NodeKind): LayoutNode => ({ id, kind });
const contributes = (from: string, to: string): LayoutEdge => ({ from, to, kind: 'contributes_to' });

function overlaps(positions: Positions): boolean {
  const boxes = Object.values(positions);
  return boxes.some((a, i) =>
    boxes.slice(i + 1).some((b) => Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT),
  );
}

describe(layoutGraph.name, () => {
  const nodes = [
    node('prj', 'project'),
    node('thm', 'theme'),
    node('kr', 'key_result'),
    node('obj', 'objective'),
    node('bau', 'bau'),
  ];
  const edges = [
    contributes('obj', 'thm'),
    contributes('kr', 'obj'),
    contributes('prj', 'kr'),
    contributes('bau', 'kr'),
  ];

  it('places themes above objectives above key results above work', async () => {
    const p = await layoutGraph(nodes, edges);
    expect(p.thm.y).toBeLessThan(p.obj.y);
    expect(p.obj.y).toBeLessThan(p.kr.y);
    expect(p.kr.y).toBeLessThan(p.prj.y);
    expect(p.prj.y).toBe(p.bau.y);
  });

  it('returns a position for every node and no two nodes overlap', async () => {
    const p = await layoutGraph(nodes, edges);
    expect(Object.keys(p).sort()).toEqual(['bau', 'kr', 'obj', 'prj', 'thm']);
    expect(overlaps(p)).toBe(false);
  });

  it('puts work linked to no strategy below the themed trees, not up with the themes', async () => {
    const p = await layoutGraph([...nodes, node('orphan', 'project'), node('lost', 'objective')], edges);
    expect(p.orphan.y).toBeGreaterThan(p.prj.y);
    expect(p.lost.y).toBeGreaterThan(p.prj.y);
    expect(p.orphan.x).toBeGreaterThan(p.lost.x); // the unlinked shelf: strategy first, then work
  });

  it('stacks many children of one parent into a grid under it, not one long row', async () => {
    const work = Array.from({ length: 16 }, (_, i) => node(`w${i}`, 'project'));
    const p = await layoutGraph(
      [node('kr', 'key_result'), ...work],
      work.map((w) => contributes(w.id, 'kr')),
    );
    const xs = new Set(work.map((w) => p[w.id].x));
    const ys = new Set(work.map((w) => p[w.id].y));
    expect(xs.size).toBe(4);
    expect(ys.size).toBe(4);
    expect(Math.min(...ys)).toBeGreaterThan(p.kr.y);
  });

  it('hangs a node with two parents under the most specific one', async () => {
    const p = await layoutGraph(
      [node('obj', 'objective'), node('kr', 'key_result'), node('prj', 'project')],
      [contributes('kr', 'obj'), contributes('prj', 'obj'), contributes('prj', 'kr')],
    );
    expect(p.prj.y).toBeGreaterThan(p.kr.y);
  });

  it('puts a programme above its projects inside the work band', async () => {
    const p = await layoutGraph(
      [node('thm', 'theme'), node('obj', 'objective'), node('pgm', 'programme'), node('prj', 'project')],
      [contributes('obj', 'thm'), contributes('pgm', 'obj'), { from: 'prj', to: 'pgm', kind: 'part_of' }],
    );
    expect(p.pgm.y).toBeLessThan(p.prj.y);
  });

  it('does not let depends_on links stack work items into extra rows', async () => {
    const work = ['a', 'b', 'c'].map((id) => node(id, 'project'));
    const p = await layoutGraph(
      [node('obj', 'objective'), ...work],
      [
        ...work.map((w) => contributes(w.id, 'obj')),
        { from: 'a', to: 'b', kind: 'depends_on' },
        { from: 'b', to: 'c', kind: 'depends_on' },
      ],
    );
    expect(new Set([p.a.y, p.b.y, p.c.y]).size).toBe(1);
  });

  it('ignores links to nodes outside the view and gives the same answer twice', async () => {
    const withStray = [...edges, contributes('prj', 'elsewhere')];
    const first = await layoutGraph(nodes, withStray);
    const second = await layoutGraph(nodes, withStray);
    expect(second).toEqual(first);
  });

  it('lays out an empty view as nothing', async () => {
    await expect(layoutGraph([], [])).resolves.toEqual({});
  });

  it('lays out a large view without overlaps', async () => {
    const big: LayoutNode[] = [node('thm', 'theme')];
    const links: LayoutEdge[] = [];
    for (let o = 0; o < 10; o++) {
      big.push(node(`o${o}`, 'objective'));
      links.push(contributes(`o${o}`, 'thm'));
      for (let w = 0; w < 50; w++) {
        big.push(node(`o${o}w${w}`, w % 2 ? 'bau' : 'project'));
        links.push(contributes(`o${o}w${w}`, `o${o}`));
      }
    }
    const p = await layoutGraph(big, links);
    expect(Object.keys(p)).toHaveLength(big.length);
    expect(overlaps(p)).toBe(false);
    expect(p.thm.y).toBeLessThan(p.o0.y);
    expect(p.o0.y).toBeLessThan(p.o0w0.y);
  });

  it('packs many themes into shelves of a wide-screen shape rather than one endless row', async () => {
    const many: LayoutNode[] = [];
    const links: LayoutEdge[] = [];
    for (let t = 0; t < 12; t++) {
      many.push(node(`t${t}`, 'theme'));
      for (let o = 0; o < 4; o++) {
        many.push(node(`t${t}o${o}`, 'objective'));
        links.push(contributes(`t${t}o${o}`, `t${t}`));
      }
    }
    const p = await layoutGraph(many, links);
    const xs = Object.values(p).map((q) => q.x);
    const ys = Object.values(p).map((q) => q.y);
    const width = Math.max(...xs) + NODE_WIDTH;
    const height = Math.max(...ys) + NODE_HEIGHT;
    expect(width / height).toBeLessThan(4);
    expect(new Set(['t0', 't11'].map((t) => p[t].y)).size).toBe(2);
    expect(overlaps(p)).toBe(false);
  });
});
