import type { Positions } from '../layout/geometry';
import { nextNode, nodeName } from './keyboardNav';
import { graphLink, graphNode } from './testGraph';

/*
 *            THM
 *        /         \
 *     OBJ-1  OBJ-X  OBJ-2        (OBJ-X has no links)
 *    /     \         \
 *  KR-1   KR-2       KR-3
 *    |       \       /          (KR-2 and KR-3 both move by PRJ-B)
 *  PRJ-A     PRJ-B
 *
 * Links point the domain's way: from the thing that serves to the thing it serves.
 */
const links = [
  graphLink('OBJ-1', 'THM'),
  graphLink('OBJ-2', 'THM'),
  graphLink('KR-1', 'OBJ-1'),
  graphLink('KR-2', 'OBJ-1'),
  graphLink('KR-3', 'OBJ-2'),
  graphLink('PRJ-A', 'KR-1'),
  graphLink('PRJ-B', 'KR-2'),
  graphLink('PRJ-B', 'KR-3'),
  graphLink('PRJ-A', 'PRJ-B', 'depends_on'),
];
const positions: Positions = {
  THM: { x: 300, y: 0 },
  'OBJ-1': { x: 100, y: 200 },
  'OBJ-2': { x: 600, y: 200 },
  'KR-1': { x: 0, y: 400 },
  'KR-2': { x: 300, y: 400 },
  'KR-3': { x: 600, y: 400 },
  'PRJ-A': { x: 0, y: 600 },
  'PRJ-B': { x: 400, y: 600 },
  'OBJ-X': { x: 350, y: 200 },
};
const go = (from: string, direction: 'up' | 'down' | 'left' | 'right', drawn: Positions = positions) =>
  nextNode(from, direction, links, drawn);

describe(nextNode.name, () => {
  it('Down goes to what delivers the node, the one most nearly below it when there are several', () => {
    // On the page OBJ-X is nearest below THM; along the links it is OBJ-1 (dx 200) over OBJ-2 (dx 300).
    expect(go('THM', 'down')).toBe('OBJ-1');
    expect(go('OBJ-1', 'down')).toBe('KR-1'); // dx 100 over KR-2's 200
    expect(go('OBJ-2', 'down')).toBe('KR-3');
    expect(go('KR-2', 'down')).toBe('PRJ-B');
  });

  it('Up goes to what the node serves, even when another node is nearer on the page', () => {
    // On the page THM is straight above KR-2; KR-2 serves OBJ-1.
    expect(go('KR-2', 'up')).toBe('OBJ-1');
    // PRJ-B serves KR-2 and KR-3: the one more nearly above it.
    expect(go('PRJ-B', 'up')).toBe('KR-2');
    expect(go('OBJ-2', 'up')).toBe('THM');
  });

  it('Left and Right go to siblings sharing a parent, in order along the row', () => {
    // OBJ-X sits between OBJ-1 and OBJ-2 on the page, but serves nothing.
    expect(go('OBJ-1', 'right')).toBe('OBJ-2');
    expect(go('OBJ-2', 'left')).toBe('OBJ-1');
    expect(go('KR-1', 'right')).toBe('KR-2');
    expect(go('KR-2', 'left')).toBe('KR-1');
  });

  it('falls back to the nearest node on the page when no link leads that way', () => {
    // KR-2 has no sibling to its right under OBJ-1: the page's nearest to the right is KR-3.
    expect(go('KR-2', 'right')).toBe('KR-3');
    // OBJ-X has no links at all.
    expect(go('OBJ-X', 'left')).toBe('OBJ-1');
    expect(go('OBJ-X', 'down')).toBe('KR-2');
    expect(go('THM', 'up')).toBeNull(); // nothing above the top
  });

  it('does not follow depends_on, and skips linked nodes that are not drawn', () => {
    // PRJ-A depends on PRJ-B: that is not delivery, and nothing is drawn below PRJ-B.
    expect(go('PRJ-B', 'down')).toBeNull();
    // KR-1 is not drawn: Up from PRJ-A falls back to the page (OBJ-1: ahead 400, aside 100).
    const withoutKr1: Positions = { ...positions };
    delete withoutKr1['KR-1'];
    expect(go('PRJ-A', 'up', withoutKr1)).toBe('OBJ-1');
  });

  it('answers nothing for a node that is not drawn', () => {
    expect(nextNode('NOPE', 'down', links, positions)).toBeNull();
  });
});

describe(nodeName.name, () => {
  it('names the kind, key, title and health in words', () => {
    expect(nodeName(graphNode('KR-1', 'key_result', { title: 'NPS above 40', health: 'unknown' }))).toBe(
      'Key result KR-1: NPS above 40. Health not reported.',
    );
  });
});
