import { validateInterchange, type InterchangeError } from './interchange-validation.js';

const base = () => ({
  format: 'throughline/v1',
  businessUnits: [{ key: 'NET', name: 'Networks', parent: null }],
  nodes: [
    { key: 'THM-1', kind: 'theme', title: 'Net zero', owner: 'CEO' },
    { key: 'OBJ-1', kind: 'objective', title: 'Smart homes', owner: 'CCO', targetDate: '2028-03-31' },
    { key: 'KR-1', kind: 'key_result', title: 'Smart meters', target: 80, baseline: 38, direction: 'increase' },
    { key: 'PRJ-1', kind: 'project', title: 'Roll-out', businessUnit: 'NET', budget: 42000000 },
  ],
  links: [
    { from: 'OBJ-1', to: 'THM-1', kind: 'contributes_to' },
    { from: 'KR-1', to: 'OBJ-1', kind: 'contributes_to' },
    { from: 'PRJ-1', to: 'KR-1', kind: 'contributes_to', weight: 40, state: 'approved' },
  ],
  checkIns: [{ node: 'KR-1', at: '2026-10-31', value: 51, confidence: 0.6, note: '' }],
});

function errorsOf(input: unknown, existing?: Parameters<typeof validateInterchange>[1]): InterchangeError[] {
  const result = validateInterchange(input, existing);
  return result.ok ? [] : result.errors;
}

describe(validateInterchange.name, () => {
  it('accepts the docs/domain.md example shape', () => {
    expect(validateInterchange(base())).toMatchObject({ ok: true });
  });

  it.each<[string, (doc: ReturnType<typeof base>) => unknown, InterchangeError[]]>([
    [
      'not an object',
      () => [1, 2],
      [{ path: '$', message: 'must be a JSON object with format, businessUnits, nodes, links and checkIns' }],
    ],
    ['wrong format', (d) => ({ ...d, format: 'v2' }), [{ path: '$.format', message: 'must be "throughline/v1"' }]],
    [
      'a bad kind',
      (d) => ((d.nodes[3].kind = 'castle'), d),
      [{ path: '$.nodes[3].kind', message: expect.stringContaining('must be one of theme') }],
    ],
    [
      'a key used by two different nodes, naming both places (and the links to the key that is gone)',
      (d) => ((d.nodes[3].key = 'KR-1'), d),
      [
        {
          path: '$.nodes[3].key',
          message:
            'node "KR-1" is also at $.nodes[2], with a different kind, title, target, baseline, direction, businessUnit, budget; keep one (an entry may appear twice only if both are identical)',
          alsoAt: '$.nodes[2]',
        },
        { path: '$.links[2].from', message: 'no node with key "PRJ-1" in the document or the organisation' },
      ],
    ],
    [
      'an unknown link key',
      (d) => ((d.links[2].to = 'KR-9'), d),
      [{ path: '$.links[2].to', message: 'no node with key "KR-9" in the document or the organisation' }],
    ],
    [
      'a field of another kind',
      (d) => (Object.assign(d.nodes[0], { budget: 1 }), d),
      [{ path: '$.nodes[0].budget', message: 'does not apply to a theme (it has: priority)' }],
    ],
    [
      'a typo field',
      (d) => (Object.assign(d.nodes[1], { tittle: 'x' }), d),
      [{ path: '$.nodes[1].tittle', message: 'is not a field of the interchange format' }],
    ],
    [
      'a key result without target',
      (d) => (delete (d.nodes[2] as { target?: number }).target, d),
      [{ path: '$.nodes[2].target', message: 'a key result needs a target' }],
    ],
    [
      'an impossible date',
      (d) => ((d.nodes[1].targetDate = '2028-02-30'), d),
      [{ path: '$.nodes[1].targetDate', message: 'must be a date written YYYY-MM-DD' }],
    ],
    [
      'a unit of nobody',
      (d) => ((d.nodes[3].businessUnit = 'RET'), d),
      [
        {
          path: '$.nodes[3].businessUnit',
          message: 'no business unit with key "RET" in the document or the organisation',
        },
      ],
    ],
    [
      'a link outside the matrix',
      (d) => (d.links.push({ from: 'PRJ-1', to: 'THM-1', kind: 'contributes_to' }), d),
      [{ path: '$.links[3]', message: expect.stringContaining('cannot go from a project to a theme') }],
    ],
    [
      'a link repeated with another weight, naming both places',
      (d) => (d.links.push({ from: 'KR-1', to: 'OBJ-1', kind: 'contributes_to', weight: 10 } as never), d),
      [
        {
          path: '$.links[3]',
          message:
            'the link KR-1 contributes_to OBJ-1 is also at $.links[1], with a different weight; keep one (an entry may appear twice only if both are identical)',
          alsoAt: '$.links[1]',
        },
      ],
    ],
    [
      'a check-in reading repeated with another note, naming both places',
      (d) => (d.checkIns.push({ ...d.checkIns[0], note: 'revised' }), d),
      [
        {
          path: '$.checkIns[1]',
          message:
            'the reading 51 of KR-1 on 2026-10-31 is also at $.checkIns[0], with a different note; keep one (an entry may appear twice only if both are identical)',
          alsoAt: '$.checkIns[0]',
        },
      ],
    ],
    [
      'a business unit key repeated with another name, naming both places',
      (d) => (d.businessUnits.push({ key: 'NET', name: 'Network', parent: null }), d),
      [
        {
          path: '$.businessUnits[1].key',
          message:
            'business unit "NET" is also at $.businessUnits[0], with a different name; keep one (an entry may appear twice only if both are identical)',
          alsoAt: '$.businessUnits[0]',
        },
      ],
    ],
    [
      'a node key repeated with another title, naming both places',
      (d) => (d.nodes.push({ ...d.nodes[1], title: 'Smart homes, renamed' }), d),
      [
        {
          path: '$.nodes[4].key',
          message:
            'node "OBJ-1" is also at $.nodes[1], with a different title; keep one (an entry may appear twice only if both are identical)',
          alsoAt: '$.nodes[1]',
        },
      ],
    ],
    [
      'a check-in on an objective',
      (d) => ((d.checkIns[0].node = 'OBJ-1'), d),
      [{ path: '$.checkIns[0].node', message: 'OBJ-1 is an objective; check-ins belong to key results' }],
    ],
    [
      'a weight over 100',
      (d) => ((d.links[2].weight = 140), d),
      [{ path: '$.links[2].weight', message: 'must be a number from 0 to 100 with at most 2 decimals' }],
    ],
  ])('reports %s at its path', (_name, mutate, expected) => {
    expect(errorsOf(mutate(base()))).toEqual(expected);
  });

  it('imports an exact repeat once: the same unit, node, link or check-in reading twice (defaults written out or not)', () => {
    const doc = base();
    doc.businessUnits.push({ key: 'NET', name: 'Networks' } as never); // parent left out: null
    doc.nodes.push({ ...doc.nodes[0], status: 'active', health: 'unknown' } as never); // the defaults, written out
    doc.links.push({ from: 'PRJ-1', to: 'KR-1', kind: 'contributes_to', weight: 40 } as never); // state left out: approved
    doc.checkIns.push({ node: 'KR-1', at: '2026-10-31', value: 51, confidence: 0.6 } as never); // note left out: ''
    doc.checkIns.push({ node: 'KR-1', at: '2026-10-31', value: 51, confidence: 0.6, note: '' });
    const result = validateInterchange(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.repeats).toEqual([
      { path: '$.businessUnits[1]', sameAs: '$.businessUnits[0]' },
      { path: '$.nodes[4]', sameAs: '$.nodes[0]' },
      { path: '$.links[3]', sameAs: '$.links[2]' },
      { path: '$.checkIns[1]', sameAs: '$.checkIns[0]' },
      { path: '$.checkIns[2]', sameAs: '$.checkIns[0]' },
    ]);
    expect(result.document).toEqual(base()); // the first of each, in order
  });

  it('tells readings apart by key result, day and value: other values or days are not repeats', () => {
    const doc = base();
    doc.checkIns.push(
      { node: 'KR-1', at: '2026-10-31', value: 52, confidence: 0.6, note: '' },
      { node: 'KR-1', at: '2026-11-30', value: 51, confidence: 0.6, note: '' },
    );
    expect(validateInterchange(doc)).toMatchObject({ ok: true, repeats: [] });
  });

  it('reports a chain cycle at the link that closes it', () => {
    const doc = base();
    doc.nodes.push({ key: 'OBJ-2', kind: 'objective', title: 'Child', owner: 'x', targetDate: '2028-01-01' });
    doc.links.push(
      { from: 'OBJ-2', to: 'OBJ-1', kind: 'contributes_to' },
      { from: 'OBJ-1', to: 'OBJ-2', kind: 'contributes_to' },
    );
    const errors = errorsOf(doc);
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toMatch(/^\$\.links\[(3|4)\]$/);
    expect(errors[0].message).toMatch(/closes a cycle .*OBJ-(1|2) → OBJ-(2|1) → OBJ-(1|2)/);
  });

  it('finds a cycle through links the organisation already holds', () => {
    const doc = { format: 'throughline/v1', links: [{ from: 'OBJ-A', to: 'OBJ-B', kind: 'contributes_to' }] };
    const existing = {
      unitKeys: new Set<string>(),
      nodeKinds: new Map([
        ['OBJ-A', 'objective' as const],
        ['OBJ-B', 'objective' as const],
      ]),
      chainLinks: [['OBJ-B', 'OBJ-A'] as const],
    };
    expect(errorsOf(doc, existing)).toEqual([
      { path: '$.links[0]', message: 'closes a cycle of contributes_to/part_of/delivers links: OBJ-A → OBJ-B → OBJ-A' },
    ]);
  });

  it('ignores depends_on cycles and rejected links in the cycle check', () => {
    const doc = base();
    doc.nodes.push({ key: 'BAU-1', kind: 'bau', title: 'Billing' } as never);
    doc.links.push(
      { from: 'PRJ-1', to: 'BAU-1', kind: 'depends_on' },
      { from: 'BAU-1', to: 'PRJ-1', kind: 'depends_on' },
    );
    doc.links.push({ from: 'OBJ-1', to: 'OBJ-1', kind: 'contributes_to', state: 'rejected' } as never);
    // The only problem is the self-link, refused by the matrix rules, not as a cycle.
    expect(errorsOf(doc)).toEqual([{ path: '$.links[5]', message: 'A node cannot link to itself.' }]);
  });

  it('holds every field to the same rule as REST (the drifts of issue 9 fixed)', () => {
    const doc = base() as unknown as {
      nodes: Record<string, unknown>[];
      links: Record<string, unknown>[];
      checkIns: Record<string, unknown>[];
    };
    Object.assign(doc.nodes[2], { unit: 'x'.repeat(40), current: 0.1234567, confidence: null, direction: null });
    Object.assign(doc.nodes[3], { budget: 1.005, effort: 1.0000001 });
    Object.assign(doc.links[2], { weight: 33.333 });
    Object.assign(doc.checkIns[0], { value: 51.0000001 });
    expect(errorsOf(doc).map((e) => `${e.path} ${e.message}`)).toEqual([
      '$.nodes[2].unit must be text of 0–30 characters or null',
      '$.nodes[2].current must be a number from -1000000000000000 to 1000000000000000 with at most 6 decimals',
      '$.nodes[2].direction must be one of increase, decrease',
      '$.nodes[3].budget must be a number from 0 to 1000000000000000 with at most 2 decimals',
      '$.nodes[3].effort must be a number from 0 to 1000000000000000 with at most 6 decimals',
      '$.links[2].weight must be a number from 0 to 100 with at most 2 decimals',
      '$.checkIns[0].value must be a number from -1000000000000000 to 1000000000000000 with at most 6 decimals',
    ]);
  });

  it('lets an entry for a node the organisation holds leave out its target (kept); a new key result needs one', () => {
    const doc = base();
    delete (doc.nodes[2] as { target?: number }).target;
    const existing = {
      unitKeys: new Set<string>(),
      nodeKinds: new Map([['KR-1', 'key_result' as const]]),
      chainLinks: [],
    };
    expect(errorsOf(doc, existing)).toEqual([]);
    expect(errorsOf(doc)).toEqual([{ path: '$.nodes[2].target', message: 'a key result needs a target' }]);
    (doc.nodes[2] as { target?: number | null }).target = null;
    expect(errorsOf(doc, existing)).toEqual([{ path: '$.nodes[2].target', message: 'a key result needs a target' }]);
  });

  it('ignores a null field of another kind, as REST does (it clears nothing)', () => {
    const doc = base();
    Object.assign(doc.nodes[0], { budget: null });
    expect(errorsOf(doc)).toEqual([]);
  });

  it('refuses changing the kind of a node the organisation holds', () => {
    const existing = { unitKeys: new Set(['NET']), nodeKinds: new Map([['PRJ-1', 'bau' as const]]), chainLinks: [] };
    expect(errorsOf(base(), existing)).toContainEqual({
      path: '$.nodes[3].kind',
      message: "PRJ-1 is already a BAU activity in the organisation; a node's kind cannot change",
    });
  });

  it('never throws on any JSON and caps the list of errors', () => {
    const doc = { format: 'throughline/v1', nodes: Array.from({ length: 800 }, () => ({ kind: 'x' })) };
    const result = validateInterchange(doc);
    expect(result).toMatchObject({ ok: false, truncated: true });
    expect(!result.ok && result.errors).toHaveLength(500);
    for (const input of [null, 'x', 3, [], {}, { nodes: {} }, { nodes: [null] }, { links: [{ from: {} }] }]) {
      expect(() => validateInterchange(input)).not.toThrow();
    }
  });

  it('stops reading at the first problem past the cap (a hostile document of a million entries is not walked)', () => {
    let read = 0;
    const entry = () => ({
      get from() {
        read++;
        return undefined;
      },
    });
    const doc = {
      format: 'throughline/v1',
      businessUnits: [],
      nodes: [],
      links: Array.from({ length: 100_000 }, entry),
      checkIns: [],
    };
    const result = validateInterchange(doc);
    expect(result).toMatchObject({ ok: false, truncated: true });
    expect(read).toBeLessThan(1_000);
  });
});
