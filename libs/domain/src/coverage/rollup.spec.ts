import { derivedHealth, keyResultProgress, weightedMean } from './rollup.js';

describe(keyResultProgress.name, () => {
  it.each([
    [{ baseline: 38, target: 80, current: 51 }, 13 / 42],
    [{ baseline: 38, target: 80, current: 20 }, 0],
    [{ baseline: 38, target: 80, current: 95 }, 1],
    [{ baseline: 10, target: 2, current: 4 }, 0.75],
    [{ baseline: null, target: 200, current: 50 }, 0.25],
    [{ baseline: 5, target: 5, current: 5 }, null],
    [{ baseline: 0, target: 10, current: null }, null],
  ])('%j → %p', (kr, expected) => {
    if (expected === null) expect(keyResultProgress(kr)).toBeNull();
    else expect(keyResultProgress(kr)).toBeCloseTo(expected, 12);
  });
});

describe(weightedMean.name, () => {
  it.each<[[number | null, number | null][], number | null]>([
    [[], null],
    [[[null, 50]], null],
    [
      [
        [0.2, 1],
        [0.8, 3],
      ],
      0.65,
    ],
    [
      [
        [0.2, null],
        [0.8, null],
      ],
      0.5,
    ],
    [
      [
        [0.2, 0],
        [0.8, 0],
      ],
      0.5,
    ],
    // the missing weight counts as the mean of the given ones (20): (0.1 × 10 + 0.4 × 30 + 1 × 20) / 60
    [
      [
        [0.1, 10],
        [0.4, 30],
        [1, null],
      ],
      33 / 60,
    ],
    [
      [
        [0.5, 10],
        [null, 90],
      ],
      0.5,
    ],
  ])('%j → %p', (parts, expected) => {
    const got = weightedMean(parts);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 12);
  });
});

describe(derivedHealth.name, () => {
  it.each([
    [[], 'unknown'],
    [['unknown', 'unknown'], 'unknown'],
    [['red', 'green'], 'red'],
    [['red', 'green', 'green'], 'amber'],
    [['amber', 'green'], 'amber'],
    [['green', 'unknown'], 'green'],
  ] as const)('%j → %s', (healths, expected) => {
    expect(derivedHealth(healths)).toBe(expected);
  });
});
