import { createFormat } from '../../ui/format';
import { trendPoints, trendSummary } from './keyResultTrendPoints';

const format = createFormat();

describe(trendPoints.name, () => {
  it('puts the check-ins oldest first, with confidence as a percentage', () => {
    const points = trendPoints(
      [
        { at: '2026-11-01', value: 70, confidence: 0.755 },
        { at: '2026-09-01', value: 95, confidence: null },
        { at: '2026-10-01', value: 90, confidence: 0.5 },
      ],
      format.date,
    );
    expect(points).toEqual([
      { at: '2026-09-01', label: '1 Sept 2026', value: 95, confidence: null },
      { at: '2026-10-01', label: '1 Oct 2026', value: 90, confidence: 50 },
      { at: '2026-11-01', label: '1 Nov 2026', value: 70, confidence: 76 },
    ]);
  });
});

describe(trendSummary.name, () => {
  it('says the trend in words, and copes with no target, no confidence and no readings', () => {
    const points = trendPoints([{ at: '2026-10-01', value: 3, confidence: null }], format.date);
    expect(trendSummary({ key: 'KR-1', target: null }, points, format)).toBe(
      'KR-1 readings: 3 on 1 Oct 2026 to 3 on 1 Oct 2026 (1 check-in), no target',
    );
    expect(trendSummary({ key: 'KR-1', target: 5 }, [], format)).toBe('KR-1: no readings yet');
  });
});
