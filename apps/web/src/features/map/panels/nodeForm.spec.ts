import type { NodeRecord } from '@throughline/domain';
import { changedFields, toFormValues, toNodeFields, validateForm } from './nodeForm';

const kr = {
  id: 'k',
  key: 'KR-3.1',
  kind: 'key_result',
  title: 'Customers with a smart meter',
  description: '',
  businessUnitId: null,
  owner: 'Head of Metering',
  status: 'active',
  health: 'amber',
  startDate: null,
  endDate: null,
  tags: ['metering', 'smart'],
  unit: '%',
  baseline: 38,
  target: 80,
  current: 51,
  direction: 'increase',
  confidence: 0.6,
} as NodeRecord;

describe('node form', () => {
  it('round-trips a record through the form: numbers, tags and cleared fields typed again', () => {
    const values = toFormValues(kr);
    expect(values).toMatchObject({ baseline: '38', tags: 'metering, smart', startDate: '' });
    expect(toNodeFields('key_result', { ...values, confidence: '', tags: 'a, b ,' })).toMatchObject({
      baseline: 38,
      target: 80,
      confidence: null,
      tags: ['a', 'b'],
      startDate: null,
      direction: 'increase',
    });
  });

  it('gives a kind only its own fields', () => {
    const fields = toNodeFields('project', { title: 'P', budget: '1200000', effort: '' });
    expect(fields).toMatchObject({ title: 'P', budget: 1200000, effort: null });
    expect(fields).not.toHaveProperty('target');
  });

  it('names exactly the fields that changed', () => {
    const base = toFormValues(kr);
    expect(changedFields(base, { ...base, owner: 'Someone', current: ' 51 ' })).toEqual(['owner']);
  });

  it('asks for a title, a measurable key result, numbers in range and dates in order', () => {
    expect(validateForm('key_result', { title: ' ', target: '', direction: '', confidence: '1.5' })).toEqual({
      title: 'A title is needed',
      target: 'A key result needs a target',
      direction: 'Increase or decrease?',
      confidence: 'At most 1',
    });
    expect(validateForm('project', { title: 'P', startDate: '2027-01-01', endDate: '2026-12-31' })).toEqual({
      endDate: 'Ends before it starts',
    });
  });

  it('holds the limits of the domain field table: lengths, money decimals, whole numbers', () => {
    expect(
      validateForm('key_result', { title: 'K', target: '1', direction: 'increase', unit: 'x'.repeat(31) }),
    ).toEqual({
      unit: 'Must be text of 0–30 characters',
    });
    expect(validateForm('project', { title: 'P', budget: '1.005', stage: 'build' })).toEqual({
      budget: 'Must be a number from 0 to 1000000000000000 with at most 2 decimals',
    });
    expect(validateForm('theme', { title: 'T', priority: '1.5' })).toEqual({
      priority: 'Must be a whole number from 1 to 1000',
    });
    expect(validateForm('project', { title: 'x'.repeat(301) })).toEqual({ title: 'Must be text of 1–300 characters' });
  });
});
