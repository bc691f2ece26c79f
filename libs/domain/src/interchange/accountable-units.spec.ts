import { validateInterchange, type InterchangeError } from '../interchange-validation.js';

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

describe('accountableUnits in the interchange', () => {
  it("checks an objective's accountable units: keys of known units, each once, on objectives only", () => {
    const withUnits = (node: string, accountableUnits: unknown) => {
      const doc = base();
      Object.assign(
        doc.nodes.find((n) => n.key === node)!,
        { accountableUnits },
      );
      return doc;
    };
    expect(validateInterchange(withUnits('OBJ-1', ['NET']))).toMatchObject({ ok: true });
    expect(validateInterchange(withUnits('OBJ-1', []))).toMatchObject({ ok: true });
    expect(errorsOf(withUnits('OBJ-1', ['NET', 'RET']))).toEqual([
      {
        path: '$.nodes[1].accountableUnits[1]',
        message: 'no business unit with key "RET" in the document or the organisation',
      },
    ]);
    expect(errorsOf(withUnits('OBJ-1', ['NET', 'NET']))[0]).toMatchObject({ path: '$.nodes[1].accountableUnits' });
    expect(errorsOf(withUnits('OBJ-1', 'NET'))[0]).toMatchObject({ path: '$.nodes[1].accountableUnits' });
    expect(errorsOf(withUnits('PRJ-1', ['NET']))).toEqual([
      { path: '$.nodes[3].accountableUnits', message: 'applies to objectives only, not to a project' },
    ]);
  });
});
