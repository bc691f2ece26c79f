import { nodeFieldProblems } from './node-rules.js';

describe(nodeFieldProblems.name, () => {
  it('accepts a kind with its own fields', () => {
    expect(
      nodeFieldProblems('project', { budget: 10, effort: 3, stage: 'build', deliveryConfidence: 'green' }),
    ).toEqual([]);
  });

  it('refuses a field of another kind and names it', () => {
    expect(nodeFieldProblems('theme', { budget: 5 })).toEqual([
      { field: 'budget', message: 'budget does not apply to a theme (it has: priority)' },
    ]);
  });

  it('ignores null and undefined fields of other kinds (they clear nothing)', () => {
    expect(nodeFieldProblems('theme', { budget: null, annualCost: undefined })).toEqual([]);
  });

  it('needs a target on a key result', () => {
    expect(nodeFieldProblems('key_result', { baseline: 1 })).toEqual([
      { field: 'target', message: 'a key result needs a target' },
    ]);
  });

  it('refuses an end before the start', () => {
    expect(nodeFieldProblems('bau', { startDate: '2026-05-01', endDate: '2026-04-30' })).toEqual([
      { field: 'endDate', message: 'endDate 2026-04-30 is before startDate 2026-05-01' },
    ]);
  });

  it('reports every problem at once', () => {
    expect(nodeFieldProblems('key_result', { budget: 1, kpi: 'x' }).map((p) => p.field)).toEqual([
      'budget',
      'kpi',
      'target',
    ]);
  });
});
