import fc from 'fast-check';

/**
 * tools/jest/fast-check-seed.cjs: every fast-check property runs from one logged seed per test
 * file, and FC_SEED replays it. (This file names fast-check, so the setup file configured it.)
 */
function valuesOfOneRun(): number[] {
  const seen: number[] = [];
  fc.assert(
    fc.property(fc.integer(), (value) => {
      seen.push(value);
    }),
    { numRuns: 20 },
  );
  return seen;
}

describe('fast-check seeds', () => {
  it('run every property from the global seed, FC_SEED when it is set', () => {
    const { seed } = fc.readConfigureGlobal();
    expect(Number.isInteger(seed)).toBe(true);
    if (process.env.FC_SEED) expect(seed).toBe(Number(process.env.FC_SEED) | 0);
    // The same seed, the same inputs: a run can be replayed.
    expect(valuesOfOneRun()).toEqual(valuesOfOneRun());
  });

  it('replay a logged seed: sampling from it gives exactly the inputs the property saw', () => {
    const replay = fc.sample(fc.integer(), { seed: fc.readConfigureGlobal().seed, numRuns: 20 });
    expect(valuesOfOneRun()).toEqual(replay);
  });
});
