import { plainLinkError, whatItCanLinkTo, whyNoLink } from './linkWords';

describe('link words', () => {
  it('says what each kind can link to, from the domain matrix', () => {
    expect(whatItCanLinkTo('project')).toBe(
      'A project can move objectives or key results; be part of programmes; build or change value assets; or depend on programmes, projects, BAU activities or value assets.',
    );
    expect(whatItCanLinkTo('theme')).toBe(
      'A theme is the top of the chain: objectives link to it, it links to nothing.',
    );
  });

  it('explains a refused pair and the way round that works, without the matrix notation', () => {
    const reason = whyNoLink({ kind: 'objective', key: 'OBJ-10' }, { kind: 'project', key: 'PRJ-3' });
    expect(reason).toBe(
      'OBJ-10 (an objective) cannot link to PRJ-3 (a project). It works the other way round (a project moves an objective): link from PRJ-3 to OBJ-10 instead.',
    );
    expect(whyNoLink({ kind: 'project' }, { kind: 'objective' })).toBeNull();
    expect(whyNoLink({ kind: 'theme', key: 'THM-1' }, { kind: 'theme', key: 'THM-2' })).toContain(
      'A theme is the top of the chain',
    );
  });

  it('words the API refusals by code and leaves others to the API', () => {
    const a = { kind: 'project' as const, key: 'PRJ-1' };
    const b = { kind: 'key_result' as const, key: 'KR-1' };
    expect(plainLinkError('LINK_DUPLICATE', a, b)).toBe('PRJ-1 and KR-1 are already linked this way.');
    expect(plainLinkError('LINK_SELF', a, a)).toBe('A node cannot link to itself.');
    expect(plainLinkError('VERSION_CONFLICT', a, b)).toBeNull();
  });
});
