import { filterGraph } from './filters';
import { graphLink, graphNode } from './testGraph';

// THM-1 ← OBJ-1 ← KR-1 ← PRJ-1 (NET), BAU-1 (RET);  THM-2 ← OBJ-2 ← PRJ-2 (RET)
const graph = {
  nodes: [
    graphNode('THM-1', 'theme'),
    graphNode('THM-2', 'theme'),
    graphNode('OBJ-1', 'objective', { health: 'amber' }),
    graphNode('OBJ-2', 'objective'),
    graphNode('KR-1', 'key_result'),
    graphNode('PRJ-1', 'project', { businessUnitId: 'NET', health: 'red' }),
    graphNode('PRJ-2', 'project', { businessUnitId: 'RET', status: 'on_hold' }),
    graphNode('BAU-1', 'bau', { businessUnitId: 'RET' }),
  ],
  links: [
    graphLink('OBJ-1', 'THM-1'),
    graphLink('OBJ-2', 'THM-2'),
    graphLink('KR-1', 'OBJ-1'),
    graphLink('PRJ-1', 'KR-1'),
    graphLink('BAU-1', 'KR-1'),
    graphLink('PRJ-2', 'OBJ-2'),
    graphLink('PRJ-1', 'PRJ-2', 'depends_on'),
    graphLink('BAU-1', 'OBJ-2', 'contributes_to', { state: 'rejected' }),
  ],
};
const keys = (g: { nodes: { key: string }[] }) => g.nodes.map((n) => n.key).sort();

describe(filterGraph.name, () => {
  it('keeps everything but rejected links when no filter is set', () => {
    const out = filterGraph(graph, {});
    expect(out.nodes).toHaveLength(8);
    expect(out.links.map((l) => l.state)).not.toContain('rejected');
  });

  it('keeps a theme with its whole chain', () => {
    expect(keys(filterGraph(graph, { themeId: 'THM-1' }))).toEqual(['BAU-1', 'KR-1', 'OBJ-1', 'PRJ-1', 'THM-1']);
  });

  it('keeps a business unit with everything its work serves, up to the themes', () => {
    expect(keys(filterGraph(graph, { businessUnitId: 'RET' }))).toEqual([
      'BAU-1',
      'KR-1',
      'OBJ-1',
      'OBJ-2',
      'PRJ-2',
      'THM-1',
      'THM-2',
    ]);
  });

  it('narrows by kind, health and status, and drops the links of nodes it drops', () => {
    expect(keys(filterGraph(graph, { kind: 'project' }))).toEqual(['PRJ-1', 'PRJ-2']);
    expect(filterGraph(graph, { kind: 'project' }).links.map((l) => l.kind)).toEqual(['depends_on']);
    expect(keys(filterGraph(graph, { health: 'red' }))).toEqual(['PRJ-1']);
    expect(keys(filterGraph(graph, { status: 'on_hold' }))).toEqual(['PRJ-2']);
  });

  it('counts a unit’s sub-units as its own', () => {
    const parents = new Map<string, string | null>([
      ['RET', null],
      ['NET', null],
      ['CSV', 'RET'],
    ]);
    const withSub = { ...graph, nodes: [...graph.nodes, graphNode('BAU-9', 'bau', { businessUnitId: 'CSV' })] };
    expect(keys(filterGraph(withSub, { businessUnitId: 'RET' }, parents))).toContain('BAU-9');
    expect(keys(filterGraph(withSub, { businessUnitId: 'NET' }, parents))).not.toContain('BAU-9');
  });

  it('combines filters: a unit inside a theme', () => {
    expect(keys(filterGraph(graph, { themeId: 'THM-1', businessUnitId: 'NET' }))).toEqual([
      'KR-1',
      'OBJ-1',
      'PRJ-1',
      'THM-1',
    ]);
  });
});
