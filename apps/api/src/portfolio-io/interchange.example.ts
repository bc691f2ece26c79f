import type { InterchangeDocument } from '@throughline/domain';

/** The interchange example of docs/domain.md: the OpenAPI document shows it, the tests start from it. */
export const INTERCHANGE_EXAMPLE: InterchangeDocument = {
  format: 'throughline/v1',
  businessUnits: [{ key: 'NET', name: 'Networks', parent: null }],
  nodes: [
    {
      key: 'OBJ-3',
      kind: 'objective',
      title: 'Make every home smart-ready',
      owner: 'Chief Customer Officer',
      status: 'active',
      health: 'amber',
      priority: 1,
      targetDate: '2028-03-31',
    },
    {
      key: 'KR-3.1',
      kind: 'key_result',
      title: 'Customers with a smart meter',
      unit: '%',
      baseline: 38,
      target: 80,
      current: 51,
      direction: 'increase',
      confidence: 0.6,
      owner: 'Head of Metering',
    },
    {
      key: 'PRJ-7',
      kind: 'project',
      title: 'Smart meter roll-out, wave 2',
      businessUnit: 'NET',
      owner: 'Programme Director',
      status: 'active',
      health: 'red',
      budget: 42000000,
      startDate: '2026-04-01',
      endDate: '2027-09-30',
    },
  ],
  links: [
    { from: 'KR-3.1', to: 'OBJ-3', kind: 'contributes_to' },
    { from: 'PRJ-7', to: 'KR-3.1', kind: 'contributes_to', weight: 40, state: 'approved' },
  ],
  checkIns: [{ node: 'KR-3.1', at: '2026-10-31', value: 51, confidence: 0.6, note: '' }],
};
