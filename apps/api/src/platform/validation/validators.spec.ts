import { decimalPlaces } from './validators.js';

describe(decimalPlaces.name, () => {
  it.each([
    [0, 0],
    [42, 0],
    [0.1, 1],
    [123.45, 2],
    [1e21, 0],
    [5e-324, 324],
    [-0.125, 3],
  ])('%p has %p decimal places', (value, places) => {
    expect(decimalPlaces(value)).toBe(places);
  });
});
