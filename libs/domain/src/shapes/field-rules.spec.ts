import { checkField, decimalPlaces, MAX_AMOUNT, type FieldRule } from './field-rules.js';
import { LINK_DEFAULTS, LINK_FIELD_RULES } from './link-shape.js';
import { NODE_FIELD_RULES, nodeDefaults } from './node-shape.js';
import { CHECK_IN_FIELD_RULES } from './check-in-shape.js';

describe('checkField', () => {
  const fine = (rule: FieldRule, ...values: unknown[]) =>
    values.forEach((v) => expect([v, checkField(rule, v)]).toEqual([v, undefined]));
  const refused = (rule: FieldRule, ...values: unknown[]) =>
    values.forEach((v) => expect([v, checkField(rule, v)]).toEqual([v, expect.any(String)]));

  it('text: each limit is in, one past it is out; null only where the rule allows it', () => {
    const R = NODE_FIELD_RULES;
    fine(R.title, 'x', 'x'.repeat(300));
    refused(R.title, '', 'x'.repeat(301), null, 5, ['x']);
    expect(checkField(R.title, undefined)).toBe('is required');
    fine(R.unit, '', 'x'.repeat(30), null, undefined);
    refused(R.unit, 'x'.repeat(31), 'x'.repeat(40));
    expect(checkField(R.unit, 'x'.repeat(40))).toBe('must be text of 0–30 characters or null');
    fine(R.owner, 'A', 'x'.repeat(200), null);
    refused(R.owner, '', 'x'.repeat(201));
    refused(R.description, null);
  });

  it('money has at most two decimals, refused and never rounded; other figures six', () => {
    fine(NODE_FIELD_RULES.budget, 0, 1.01, MAX_AMOUNT, null);
    refused(NODE_FIELD_RULES.budget, 1.005, -0.01, MAX_AMOUNT + 1, '5', Number.NaN, Infinity);
    expect(checkField(NODE_FIELD_RULES.budget, 1.005)).toBe(
      `must be a number from 0 to ${MAX_AMOUNT} with at most 2 decimals`,
    );
    for (const field of ['baseline', 'target', 'current', 'effort', 'confidence'] as const) {
      fine(NODE_FIELD_RULES[field], 0.123456);
      refused(NODE_FIELD_RULES[field], 0.1234567, 5e-324);
    }
    fine(CHECK_IN_FIELD_RULES.value, -MAX_AMOUNT, 51.5);
    refused(CHECK_IN_FIELD_RULES.value, 1.1234567, null, undefined);
    fine(LINK_FIELD_RULES.weight, 0, 100, 33.33, null);
    refused(LINK_FIELD_RULES.weight, 33.333, 100.01, -1);
    refused(NODE_FIELD_RULES.confidence, 1.000001, -0.000001);
  });

  it('whole numbers, enums, dates, tags', () => {
    fine(NODE_FIELD_RULES.priority, 1, 1000, null);
    refused(NODE_FIELD_RULES.priority, 0, 1001, 1.5, '1');
    fine(NODE_FIELD_RULES.direction, 'increase', 'decrease', undefined);
    refused(NODE_FIELD_RULES.direction, null, 'up'); // a key result's direction is never empty
    fine(NODE_FIELD_RULES.startDate, '2028-02-29', null);
    refused(NODE_FIELD_RULES.startDate, '2027-02-29', '2027-2-1', 20270201);
    fine(NODE_FIELD_RULES.tags, [], Array(30).fill('t'), ['x'.repeat(50)]);
    refused(NODE_FIELD_RULES.tags, Array(31).fill('t'), [''], ['x'.repeat(51)], null, 'a,b', [1]);
  });

  it('counts decimals however JavaScript writes the number', () => {
    expect([0.1, 123.45, 5e-324, 1e21, 1.005, 100].map(decimalPlaces)).toEqual([1, 2, 324, 0, 3, 0]);
  });

  it('defaults are defined once: a new node and a new link', () => {
    expect(nodeDefaults('project')).toEqual({ description: '', status: 'active', health: 'unknown', tags: [] });
    expect(nodeDefaults('key_result').direction).toBe('increase');
    expect(LINK_DEFAULTS).toEqual({ weight: null, rationale: '', state: 'approved' });
  });
});
