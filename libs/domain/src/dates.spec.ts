import { addDays, daysBetween, daysInMs, isIsoDate, todayIso, utcDate } from './dates.js';

describe('dates', () => {
  it.each([
    ['2026-11-01', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-11-01T00:00:00Z', false],
    [20261101, false],
    [null, false],
  ])('isIsoDate(%j) is %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('moves dates across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts whole days between two dates', () => {
    expect(daysBetween('2026-10-02', '2026-11-01')).toBe(30);
    expect(daysBetween('2026-11-01', '2026-10-02')).toBe(-30);
  });

  it('takes today in UTC', () => {
    expect(todayIso(new Date('2026-11-01T23:30:00-05:00'))).toBe('2026-11-02');
  });

  it('reads the UTC calendar date of a timestamp or a Date', () => {
    expect(utcDate('2026-11-30T23:59:59-02:00')).toBe('2026-12-01');
    expect(utcDate(new Date(Date.UTC(2026, 0, 1, 0, 0, 0)))).toBe('2026-01-01');
  });

  it('counts days in milliseconds', () => {
    expect(daysInMs(14)).toBe(14 * 24 * 60 * 60 * 1000);
  });
});
