import { buildEdges } from '../model/elements';
import { graphLink } from '../model/testGraph';
import { farEdgePaths } from './farEdgePaths';

const positions = new Map([
  ['OBJ-1', { x: 0, y: 0 }],
  ['PRJ-1', { x: 0, y: 300 }],
  ['PRJ-2', { x: 400, y: 300 }],
]);

describe(farEdgePaths.name, () => {
  it('draws all links of one look as a single path, one path per look', () => {
    const edges = buildEdges(
      [graphLink('PRJ-1', 'OBJ-1'), graphLink('PRJ-2', 'OBJ-1'), graphLink('PRJ-1', 'PRJ-2', 'depends_on')],
      null,
    );
    const groups = farEdgePaths(positions, edges);
    expect(groups.map((g) => g.className)).toEqual([
      'link-contributes_to state-approved',
      'link-depends_on state-approved',
    ]);
    expect(groups[0].d.match(/M/g)).toHaveLength(2);
  });

  it('runs a chain link from the top of the work to the bottom of what it serves', () => {
    const [group] = farEdgePaths(positions, buildEdges([graphLink('PRJ-1', 'OBJ-1')], null));
    expect(group.d.startsWith('M130,300')).toBe(true); // top centre of PRJ-1 (260 wide)
    expect(group.d.endsWith('130,120')).toBe(true); // bottom centre of OBJ-1 (120 high)
  });

  it('keeps lit and dimmed links apart and skips links whose ends are not drawn', () => {
    const lit = { nodeIds: new Set(['PRJ-1', 'OBJ-1']), linkIds: new Set(['PRJ-1>OBJ-1:contributes_to']) };
    const edges = buildEdges(
      [graphLink('PRJ-1', 'OBJ-1'), graphLink('PRJ-2', 'OBJ-1'), graphLink('PRJ-9', 'OBJ-1')],
      lit,
    );
    expect(farEdgePaths(positions, edges).map((g) => g.className)).toEqual([
      'link-contributes_to state-approved is-lit',
      'link-contributes_to state-approved is-dimmed',
    ]);
  });
});
