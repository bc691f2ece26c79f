import type { BusinessUnitRecord, GraphLink, GraphNode, LinkKind, NodeKind, NodeRollup } from '@throughline/domain';
import {
  GROUP_HEADER,
  GROUP_PAD,
  LANE_LABEL,
  STRATEGY_LANE,
  aggregateEdges,
  buildGroups,
  countWords,
  groupBox,
  healthSummary,
  healthWords,
  isGroupId,
  kindCounts,
  laneBoxes,
} from './groups';
import { NODE_HEIGHT, NODE_WIDTH } from '../layout/geometry';

const node = (
  id: string,
  kind: NodeKind,
  unit: string | null = null,
  health: GraphNode['health'] = 'green',
): GraphNode => ({
  id,
  key: id.toUpperCase(),
  kind,
  title: `Title ${id}`,
  owner: null,
  businessUnitId: unit,
  status: 'active',
  health,
  version: 1,
});
let linkId = 0;
const link = (
  from: string,
  to: string,
  kind: LinkKind = 'contributes_to',
  state: GraphLink['state'] = 'approved',
): GraphLink => ({
  id: `l${++linkId}`,
  from,
  to,
  kind,
  state,
  weight: null,
});
const unit = (id: string, name: string): BusinessUnitRecord =>
  ({ id, key: id.toUpperCase(), name, parentId: null, version: 1, createdAt: '', updatedAt: '' }) as BusinessUnitRecord;

const units = [unit('net', 'Networks'), unit('ret', 'Retail')];
const nodes = [
  node('t1', 'theme', 'net'),
  node('t2', 'theme'),
  node('o1', 'objective', 'net'),
  node('o2', 'objective'),
  node('k1', 'key_result', 'net'),
  node('k2', 'key_result'),
  node('prg', 'programme', 'net', 'amber'),
  node('p1', 'project', 'net', 'red'),
  node('p2', 'project', 'ret'),
  node('b1', 'bau', 'ret'),
  node('lone', 'project'),
];
const links = [
  link('o1', 't1'),
  link('o2', 't2'),
  link('k1', 'o1'),
  link('k2', 'o2'),
  link('p1', 'prg', 'part_of'),
  link('prg', 'k1'),
  // p1 serves both themes; its programme (part_of) is what places it.
  link('p1', 'k2'),
  link('p2', 'k2'),
  link('b1', 'k2'),
  link('b1', 'p1', 'depends_on'),
  link('p2', 'p1', 'depends_on'),
  link('lone', 'k1', 'contributes_to', 'rejected'),
];
const namesOf = (g: ReturnType<typeof buildGroups>) => g.groups.map((x) => x.name);
const membersOf = (g: ReturnType<typeof buildGroups>, name: string) =>
  g.groups.find((x) => x.name === name)?.memberIds.sort();

describe(buildGroups.name, () => {
  it('by business unit: each node in its own unit’s group, in the units’ order, "No unit" last', () => {
    const g = buildGroups('unit', nodes, links, units);
    expect(namesOf(g)).toEqual(['Networks', 'Retail', 'No unit']);
    expect(membersOf(g, 'Networks')).toEqual(['k1', 'o1', 'p1', 'prg', 't1']);
    expect(membersOf(g, 'Retail')).toEqual(['b1', 'p2']);
    expect(membersOf(g, 'No unit')).toEqual(['k2', 'lone', 'o2', 't2']);
    expect(g.groups.every((x) => isGroupId(x.id))).toBe(true);
  });

  it('by theme: the theme up each node’s chain, its programme before its other parents', () => {
    const g = buildGroups('theme', nodes, links, units);
    expect(namesOf(g)).toEqual(['T1 Title t1', 'T2 Title t2', 'Not linked to a theme']);
    expect(membersOf(g, 'T1 Title t1')).toEqual(['k1', 'o1', 'p1', 'prg', 't1']);
    expect(membersOf(g, 'T2 Title t2')).toEqual(['b1', 'k2', 'o2', 'p2', 't2']);
    // Its only link is rejected: it serves no theme.
    expect(membersOf(g, 'Not linked to a theme')).toEqual(['lone']);
  });

  it('by programme: only what is part of a programme is boxed', () => {
    const g = buildGroups('programme', nodes, links, units);
    expect(namesOf(g)).toEqual(['PRG Title prg']);
    expect(membersOf(g, 'PRG Title prg')).toEqual(['p1', 'prg']);
    expect(g.groupOf.has('p2')).toBe(false);
  });

  it('in lanes: strategy in a band of its own, work by unit', () => {
    const g = buildGroups('lanes', nodes, links, units);
    expect(g.groups[0].id).toBe(STRATEGY_LANE);
    expect(namesOf(g)).toEqual(['Strategy', 'Networks', 'Retail', 'No unit']);
    expect(membersOf(g, 'Strategy')).toEqual(['k1', 'k2', 'o1', 'o2', 't1', 't2']);
    expect(membersOf(g, 'Networks')).toEqual(['p1', 'prg']);
  });

  it('survives a cycle of chain links', () => {
    const cyclic = [node('a', 'project'), node('b', 'project')];
    const g = buildGroups('theme', cyclic, [link('a', 'b', 'delivers'), link('b', 'a', 'delivers')], []);
    expect(membersOf(g, 'Not linked to a theme')).toEqual(['a', 'b']);
  });
});

describe('counts and health', () => {
  it('counts members by kind, in words', () => {
    const counts = kindCounts([node('a', 'project'), node('b', 'bau'), node('c', 'project'), node('d', 'objective')]);
    expect(counts).toEqual([
      { kind: 'objective', count: 1 },
      { kind: 'project', count: 2 },
      { kind: 'bau', count: 1 },
    ]);
    expect(countWords(counts)).toBe('1 objective · 2 projects · 1 BAU activity');
  });

  it('sums health: a strategy node’s derived health from its roll-up, else the node’s own', () => {
    const rollups = new Map<string, NodeRollup>([
      [
        'o1',
        { nodeId: 'o1', key: 'O1', kind: 'objective', progress: 0.2, reportedHealth: 'green', derivedHealth: 'red' },
      ],
    ]);
    const members = [
      node('o1', 'objective'),
      node('p1', 'project', null, 'amber'),
      node('p2', 'project'),
      node('x', 'bau', null, 'unknown'),
    ];
    const h = healthSummary(members, rollups);
    expect(h).toEqual({ red: 1, amber: 1, green: 1, unknown: 1 });
    expect(healthWords(h)).toBe('1 red, 1 amber, 1 green, 1 not known');
    expect(healthWords({ red: 0, amber: 0, green: 0, unknown: 0 })).toBe('no health');
  });
});

describe('boxes', () => {
  it('a group’s box holds its cards, with its header above', () => {
    const box = groupBox(['a', 'b', 'missing'], { a: { x: 100, y: 200 }, b: { x: 500, y: 400 }, c: { x: 0, y: 0 } });
    expect(box).toEqual({
      x: 100 - GROUP_PAD,
      y: 200 - GROUP_HEADER,
      width: 400 + NODE_WIDTH + 2 * GROUP_PAD,
      height: 200 + NODE_HEIGHT + GROUP_HEADER + GROUP_PAD,
    });
    expect(groupBox(['missing'], {})).toBeNull();
  });

  it('lanes are all as wide as the widest, with the label column, and never overlap', () => {
    const groups = [
      { id: 'g:a', name: 'A', headId: null, memberIds: ['a1', 'a2'] },
      { id: 'g:b', name: 'B', headId: null, memberIds: ['b1'] },
    ];
    // b1 was dragged up into lane A's rows: lane B still starts below lane A.
    const lanes = laneBoxes(groups, { a1: { x: 0, y: 0 }, a2: { x: 1000, y: 200 }, b1: { x: 300, y: 100 } });
    const a = lanes.get('g:a')!;
    const b = lanes.get('g:b')!;
    expect(a.x).toBe(-LANE_LABEL);
    expect(b.x).toBe(a.x);
    expect(b.width).toBe(a.width);
    expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
  });
});

describe(aggregateEdges.name, () => {
  const groupOf = new Map([
    ['p1', 'group:a'],
    ['p2', 'group:a'],
    ['x', 'group:b'],
  ]);
  const ls = [
    link('p1', 'k'),
    link('p2', 'k'),
    link('p1', 'p2', 'depends_on'), // inside group a
    link('x', 'p1', 'depends_on'),
    link('x', 'k'),
  ];

  it('draws links to a collapsed group to its box, one edge per two ends with their count', () => {
    const { kept, aggregates } = aggregateEdges(ls, groupOf, new Set(['group:a']));
    expect(kept.map((l) => [l.from, l.to])).toEqual([['x', 'k']]);
    expect(aggregates).toEqual([
      { id: 'agg:group:a>k>chain', source: 'group:a', target: 'k', family: 'chain', count: 2 },
      { id: 'agg:x>group:a>dependency', source: 'x', target: 'group:a', family: 'dependency', count: 1 },
    ]);
  });

  it('between two collapsed groups, and nothing when none is collapsed', () => {
    const both = aggregateEdges(ls, groupOf, new Set(['group:a', 'group:b']));
    expect(both.aggregates.map((a) => `${a.source}>${a.target}:${a.count}`)).toEqual([
      'group:a>k:2',
      'group:b>group:a:1',
      'group:b>k:1',
    ]);
    const none = aggregateEdges(ls, groupOf, new Set());
    expect(none.kept).toHaveLength(ls.length);
    expect(none.aggregates).toEqual([]);
  });
});
