import { createFormat } from '../../ui/format';
import { compactMoney, percent, shade, warmFormatters } from './figures';

describe('dashboard figures', () => {
  it('never rounds a share that is not whole to 100% or 0%', () => {
    expect(percent(0.9986, 'en-GB')).toBe('99.9%');
    expect(percent(0.0004, 'en-GB')).toBe('0.1%');
    expect(percent(1, 'en-GB')).toBe('100%');
    expect(percent(2 / 3, 'en-GB')).toBe('67%');
    expect(percent(null, 'en-GB')).toBe('—');
  });

  it('shortens money in the organisation’s currency and locale', () => {
    expect(compactMoney(300_000, createFormat('GBP', 'en-GB'))).toBe('£300k');
    expect(compactMoney(1_250_000, createFormat('GBP', 'en-GB'))).toBe('£1.3m');
    expect(compactMoney(1_250_000, createFormat('EUR', 'de-DE'))).toMatch(/1,3\sMio\.\s€/);
  });

  it('makes the heatmap’s formatters ahead, so that the heatmap makes none', () => {
    const format = createFormat('CHF', 'fr-CH'); // a locale and currency no other test here uses
    const made = jest.spyOn(Intl, 'NumberFormat');
    try {
      warmFormatters(format);
      expect(made).toHaveBeenCalled();
      made.mockClear();
      const written = [compactMoney(1_250_000, format), percent(0.25, 'fr-CH'), format.money(1_250_000)];
      expect(made).not.toHaveBeenCalled();
      expect(written[0]).toMatch(/1[.,]3/);
      expect(written[2]).toMatch(/CHF/);
    } finally {
      made.mockRestore();
    }
  });

  it('shades cells in five steps against the largest, so small cells stay visible', () => {
    expect([0, 1, 10, 30, 60, 100].map((v) => shade(v, 100))).toEqual([0, 1, 2, 3, 4, 4]);
    expect(shade(5, 0)).toBe(0);
  });
});
