import { createFormat } from './format';

describe('createFormat', () => {
  it('writes money in the organisation’s currency and locale', () => {
    expect(createFormat('GBP', 'en-GB').money(1250000)).toBe('£1,250,000');
    expect(createFormat('EUR', 'de-DE').money(1250000.5)).toBe('1.250.000,5\u00a0€');
    expect(createFormat('USD', 'en-US').money('300')).toBe('$300');
    expect(createFormat('GBP', 'en-GB').money(null)).toBe('');
  });

  it('writes a calendar date as that day in every time zone', () => {
    expect(createFormat('GBP', 'en-GB').date('2026-11-30')).toBe('30 Nov 2026');
    expect(createFormat('USD', 'en-US').date('2026-01-02')).toBe('Jan 2, 2026');
    expect(createFormat('GBP', 'en-GB').date('not a date')).toBe('');
  });

  it('falls back to GBP and en-GB when the settings hold something Intl does not know', () => {
    expect(createFormat('NOPE', 'xx-invalid-locale-!!').money(5)).toBe('£5.00');
  });

  it('makes each formatter on first use, once (a page that formats no money never builds one)', () => {
    const made = jest.spyOn(Intl, 'NumberFormat');
    try {
      const format = createFormat('GBP', 'en-GB');
      expect(made).not.toHaveBeenCalled();
      format.money(1);
      format.money(2);
      expect(made).toHaveBeenCalledTimes(1);
    } finally {
      made.mockRestore();
    }
  });
});
