import { NODE_KINDS, type NodeKind } from './kinds.js';
import { LINK_KINDS, allowedLinkKinds, checkLink, isLinkAllowed, type LinkKind } from './links.js';

/**
 * The matrix of docs/domain.md written out as the full list of allowed (kind, from, to) triples.
 * Every other triple must be refused, so the test walks all 4 × 7 × 7 combinations.
 */
const WORK: NodeKind[] = ['programme', 'project', 'bau', 'asset'];
const ALLOWED: [LinkKind, NodeKind, NodeKind][] = [
  ['contributes_to', 'objective', 'theme'],
  ['contributes_to', 'objective', 'objective'],
  ['contributes_to', 'key_result', 'objective'],
  ...WORK.flatMap((w): [LinkKind, NodeKind, NodeKind][] => [
    ['contributes_to', w, 'key_result'],
    ['contributes_to', w, 'objective'],
  ]),
  ['part_of', 'project', 'programme'],
  ['delivers', 'project', 'asset'],
  ['delivers', 'programme', 'asset'],
  ...WORK.flatMap((a) => WORK.map((b): [LinkKind, NodeKind, NodeKind] => ['depends_on', a, b])),
];

describe('link matrix', () => {
  const allowed = new Set(ALLOWED.map((t) => t.join(' ')));

  it('holds exactly the pairs of the docs/domain.md table', () => {
    // contributes_to: 3 strategy pairs + 4 work kinds × 2 targets = 11; part_of 1; delivers 2; depends_on 4 × 4 = 16.
    expect(allowed.size).toBe(30);
  });

  it.each(LINK_KINDS.flatMap((k) => NODE_KINDS.flatMap((f) => NODE_KINDS.map((t) => [k, f, t] as const))))(
    '%s from %s to %s matches the table',
    (kind, from, to) => {
      expect(isLinkAllowed(kind, from, to)).toBe(allowed.has(`${kind} ${from} ${to}`));
    },
  );
});

describe(allowedLinkKinds.name, () => {
  it.each<[NodeKind, NodeKind, LinkKind[]]>([
    ['project', 'programme', ['part_of', 'depends_on']],
    ['project', 'asset', ['delivers', 'depends_on']],
    ['bau', 'key_result', ['contributes_to']],
    ['key_result', 'theme', []],
    ['theme', 'objective', []],
  ])('offers %s → %s the kinds %j', (from, to, kinds) => {
    expect(allowedLinkKinds(from, to)).toEqual(kinds);
  });
});

describe(checkLink.name, () => {
  const node = (id: string, kind: NodeKind) => ({ id, kind });

  it('accepts a pair from the table', () => {
    expect(checkLink('contributes_to', node('a', 'project'), node('b', 'key_result'))).toEqual({ ok: true });
  });

  it('refuses a self-link even where the kinds would fit', () => {
    expect(checkLink('contributes_to', node('a', 'objective'), node('a', 'objective'))).toMatchObject({
      ok: false,
      code: 'LINK_SELF',
    });
  });

  it('refuses a pair outside the table and says which kinds would fit', () => {
    const result = checkLink('contributes_to', node('a', 'project'), node('b', 'programme'));
    expect(result).toMatchObject({ ok: false, code: 'LINK_NOT_ALLOWED' });
    expect(result.ok || result.message).toContain('cannot go from a project to a programme');
    expect(result.ok || result.message).toContain('part_of, depends_on');
  });

  it('says when no kind at all joins the pair', () => {
    const result = checkLink('contributes_to', node('a', 'theme'), node('b', 'objective'));
    expect(result.ok || result.message).toContain('No link kind joins a theme to an objective');
  });
});
