import { fieldLabel } from './fieldLabels';

describe(fieldLabel.name, () => {
  it('writes identifiers as words, with the few that need more said', () => {
    expect(
      ['key', 'title', 'startDate', 'annualCost', 'deliveryConfidence', 'kpi', 'businessUnit', 'from'].map(fieldLabel),
    ).toEqual([
      'Key',
      'Title',
      'Start date',
      'Annual cost',
      'Delivery confidence',
      'KPI',
      'Business unit (its key)',
      'From (a node’s key)',
    ]);
  });
});
