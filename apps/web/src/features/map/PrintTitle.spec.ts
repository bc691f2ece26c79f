import { printTitle } from './PrintTitle';

describe(printTitle.name, () => {
  it('names what the printed map is of', () => {
    expect(printTitle(null, undefined, undefined)).toBe('Strategy map: the whole organisation');
    expect(printTitle('strategy', undefined, undefined)).toBe('Strategy map: strategy only, delivery as counts');
    expect(printTitle('business_unit', { key: 'NET', name: 'Networks' }, undefined)).toBe(
      'Strategy map: Networks (NET) and what it serves',
    );
    expect(printTitle('chain', undefined, { key: 'OBJ-1', title: 'Cut power cuts' })).toBe(
      'Strategy map: the chain of OBJ-1 Cut power cuts',
    );
  });
});
