import { judgeConnection, type EndRef, type LinkRef } from './connection';

const end = (id: string, kind: EndRef['kind']): EndRef => ({ id, kind, key: id.toUpperCase() });
const prj = end('prj-1', 'project');
const prj2 = end('prj-2', 'project');
const pgm = end('pgm-1', 'programme');
const obj = end('obj-1', 'objective');
const obj2 = end('obj-2', 'objective');
const thm = end('thm-1', 'theme');
const kr = end('kr-1', 'key_result');

describe(judgeConnection.name, () => {
  it('allows a project to contribute to an objective with exactly that kind', () => {
    expect(judgeConnection(prj, obj, [])).toEqual({ ok: true, kinds: ['contributes_to'] });
  });

  it('offers every kind of the matrix when more than one fits', () => {
    expect(judgeConnection(prj, pgm, [])).toEqual({ ok: true, kinds: ['part_of', 'depends_on'] });
  });

  it('refuses a pair outside the matrix in plain words, never the matrix notation', () => {
    const verdict = judgeConnection(thm, obj, []);
    expect(verdict.ok).toBe(false);
    const reason = verdict.ok ? '' : verdict.reason;
    expect(reason).toContain('THM-1 (a theme) cannot link to OBJ-1 (an objective).');
    expect(reason).not.toMatch(/contributes_to|allowed:|→/);
  });

  it('says which way round the link would be allowed', () => {
    const verdict = judgeConnection(obj, prj, []);
    expect(verdict).toMatchObject({ ok: false });
    expect(verdict.ok || verdict.reason).toContain('link from PRJ-1 to OBJ-1 instead');
  });

  it('refuses a node linked to itself', () => {
    expect(judgeConnection(obj, obj, [])).toEqual({ ok: false, reason: 'A node cannot link to itself.' });
  });

  it('refuses a link that already exists, and offers only the kinds not yet drawn', () => {
    const existing: LinkRef[] = [{ from: prj.id, to: obj.id, kind: 'contributes_to' }];
    expect(judgeConnection(prj, obj, existing)).toEqual({ ok: false, reason: 'PRJ-1 already contributes to OBJ-1.' });
    const partOf: LinkRef[] = [{ from: prj.id, to: pgm.id, kind: 'part_of' }];
    expect(judgeConnection(prj, pgm, partOf)).toEqual({ ok: true, kinds: ['depends_on'] });
  });

  it('refuses a strategy link that would make a loop in the chain', () => {
    const links: LinkRef[] = [
      { from: kr.id, to: obj.id, kind: 'contributes_to' },
      { from: obj.id, to: obj2.id, kind: 'contributes_to' },
    ];
    const verdict = judgeConnection(obj2, obj, links);
    expect(verdict).toMatchObject({ ok: false });
    expect(verdict.ok || verdict.reason).toContain('would make a loop');
  });

  it('still allows a depends_on loop between work items (the audit flags it instead)', () => {
    const links: LinkRef[] = [{ from: prj.id, to: prj2.id, kind: 'depends_on' }];
    expect(judgeConnection(prj2, prj, links)).toEqual({ ok: true, kinds: ['depends_on'] });
  });
});
