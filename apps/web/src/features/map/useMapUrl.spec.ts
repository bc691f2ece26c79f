import { groupingOf, parseMapUrl, viewKey, viewParams } from './useMapUrl';

const parse = (query: string) => parseMapUrl(new URLSearchParams(query));

describe(parseMapUrl.name, () => {
  it('reads the view, the filters and the selection from the query string', () => {
    const url = parse(
      'scope=chain&root=r1&bu=u1&kind=project&health=red&status=active&theme=t1&sel=n1&trace=n1&audit=1&severity=error',
    );
    expect(url).toMatchObject({
      scope: 'chain',
      rootId: 'r1',
      filters: { businessUnitId: 'u1', kind: 'project', health: 'red', status: 'active', themeId: 't1' },
      selectedId: 'n1',
      traceId: 'n1',
      auditOpen: true,
      severity: 'error',
    });
  });

  it('ignores values that are not the domain’s and caps the view size', () => {
    const url = parse('scope=everything&kind=task&health=purple&limit=999999');
    expect(url.scope).toBeNull();
    expect(url.filters).toEqual({});
    expect(url.limit).toBe(2000);
  });

  it('reads the grouping and the swimlanes; lanes win over a grouping', () => {
    expect(parse('group=unit')).toMatchObject({ groupBy: 'unit', lanes: false });
    expect(parse('group=colour').groupBy).toBeUndefined();
    expect(groupingOf(parse('group=theme'))).toBe('theme');
    expect(groupingOf(parse('group=theme&lanes=1'))).toBe('lanes');
    expect(groupingOf(parse(''))).toBeNull();
  });
});

describe(viewParams.name, () => {
  it('asks for the whole organisation if it fits in 2,000 nodes, else its strategy, until a scope is chosen', () => {
    expect(viewParams(parse(''))).toEqual({ scope: 'auto', limit: 2000 });
    expect(viewParams(parse('scope=all&limit=500'))).toEqual({ scope: 'all', limit: 500 });
    expect(viewParams(parse('scope=business_unit&unit=u1'))).toEqual({ scope: 'business_unit', businessUnitId: 'u1' });
  });
});

describe(viewKey.name, () => {
  it('changes with what is drawn, not with selection, trace or panels', () => {
    expect(viewKey(parse('kind=bau&sel=a&trace=a&audit=1'))).toBe(viewKey(parse('kind=bau')));
    expect(viewKey(parse('kind=bau'))).not.toBe(viewKey(parse('kind=project')));
    expect(viewKey(parse('scope=chain&root=a'))).not.toBe(viewKey(parse('scope=chain&root=b')));
  });

  it('gives grouped and swimlane views layouts of their own', () => {
    const keys = ['', 'group=unit', 'group=theme', 'lanes=1'].map((q) => viewKey(parse(q)));
    expect(new Set(keys).size).toBe(4);
  });
});
