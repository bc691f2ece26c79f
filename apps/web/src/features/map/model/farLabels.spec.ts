import { farFontSize, farFontStep, farLabelLines, farLabelMetrics, farLabelWrapper, TINY_ZOOM } from './farLabels';

describe('farLabelMetrics', () => {
  it('keeps the label about 10.5 px on screen, within 12–60 px of the map', () => {
    expect(farFontSize(0.3) * 0.3).toBeCloseTo(10.5);
    expect(farFontSize(0.44)).toBeCloseTo(23.86, 2);
    expect(farFontSize(0.18)).toBe(58.333333333333336);
    expect(farFontSize(0.16)).toBe(56); // very far: the key alone, 9 px on screen
    expect(farFontSize(0.01)).toBe(56); // a key still fits its card
  });

  it('fits fewer characters and lines as the zoom goes down, and only the key when very far', () => {
    const near = farLabelMetrics(0.44);
    const mid = farLabelMetrics(0.3);
    const far = farLabelMetrics(0.18);
    expect(near.perLine).toBeGreaterThan(mid.perLine);
    expect(mid.perLine).toBeGreaterThan(far.perLine);
    expect(near.lines).toBe(3);
    expect(far.lines).toBe(1);
    expect(farLabelMetrics(TINY_ZOOM - 0.01)).toMatchObject({ tiny: true, lines: 1 });
  });
});

describe('farFontStep', () => {
  it('sets the labels again only when the zoom crosses a step: between two, nothing changes', () => {
    expect(farLabelMetrics(0.3)).toEqual(farLabelMetrics(0.31));
    expect(farLabelMetrics(0.3).font).not.toBe(farLabelMetrics(0.4).font);
    const steps = [12, 15, 19, 24, 30, 37, 47, 58].map(farFontStep);
    expect(new Set(steps).size).toBe(steps.length);
    expect(farFontStep(35)).toBe(farFontStep(36));
  });
});

describe('farLabelLines', () => {
  const metrics = (perLine: number, lines: number, tiny = false) => ({ font: 24, perLine, lines, tiny });

  it('puts the key first and wraps the title at word boundaries', () => {
    expect(farLabelLines('OBJ-1', 'Grow revenue in the north', metrics(12, 3))).toEqual([
      'OBJ-1 Grow',
      'revenue in',
      'the north',
    ]);
  });

  it('ends the last line with an ellipsis when the title goes on', () => {
    expect(farLabelLines('OBJ-1', 'Grow revenue in the north and the south', metrics(12, 2))).toEqual([
      'OBJ-1 Grow',
      'revenue in…',
    ]);
  });

  it('cuts a word longer than a line', () => {
    expect(farLabelLines('PRJ-7', 'Decarbonisation', metrics(8, 3))).toEqual(['PRJ-7', 'Decarbon', 'isation']);
  });

  it('shows the key alone, whole, when very far out', () => {
    expect(farLabelLines('KR-12', 'Anything at all', metrics(10, 1, true))).toEqual(['KR-12']);
    expect(farLabelLines('PRJ-1234', 'Anything', metrics(3, 1, true))).toEqual(['PRJ-1234']);
  });
});

describe('farLabelWrapper', () => {
  it('wraps a card once per key and title for its metrics, the same lines each time', () => {
    const wrap = farLabelWrapper(farLabelMetrics(0.3));
    const first = wrap('OBJ-1', 'Grow revenue in the north');
    expect(first).toEqual(farLabelLines('OBJ-1', 'Grow revenue in the north', farLabelMetrics(0.3)));
    expect(wrap('OBJ-1', 'Grow revenue in the north')).toBe(first);
    expect(wrap('OBJ-1', 'A new title')).not.toBe(first);
  });
});
