import type { MapNode } from '../nodes/types';
import { farLabelMetrics } from './farLabels';
import { pictureLabels, pictureShapes } from './farPicture';
import { graphNode } from './testGraph';

function card(key: string, x: number, y: number, extra: { errors?: number; className?: string; status?: 'done' } = {}) {
  return {
    id: key,
    type: 'project',
    position: { x, y },
    className: extra.className,
    data: {
      node: graphNode(key, 'project', extra.status ? { status: extra.status } : {}),
      businessUnit: null,
      rollup: null,
      findings: { total: extra.errors ?? 0, errors: extra.errors ?? 0 },
    },
  } as MapNode;
}

describe('pictureShapes', () => {
  it('draws the cards as one path per look, with the rings over the bodies', () => {
    const shapes = pictureShapes(
      [
        card('A', 0, 0),
        card('B', 300, 0, { errors: 1 }),
        card('C', 600, 0, { className: 'is-dimmed' }),
        card('D', 900, 0, { className: 'is-lit', status: 'done' }),
      ],
      new Map([['A', 'added' as const]]),
    );
    expect(shapes.map((s) => s.className)).toEqual([
      'far-card kind-project',
      'far-card kind-project is-dimmed',
      'far-card kind-project is-muted',
      'far-ring is-added',
      'far-ring is-error',
      'far-ring is-lit',
    ]);
    // A and B share the body's look: one path of two rectangles.
    expect(shapes[0].d).toBe('M0 0h260v120h-260zM300 0h260v120h-260z');
    expect(shapes.find((s) => s.className === 'far-ring is-error')?.d).toBe('M300 0h260v120h-260z');
  });
});

describe('pictureLabels', () => {
  it('centres each label on its card and wraps it for the zoom', () => {
    const [label] = pictureLabels([card('PRJ-1', 100, 40)], farLabelMetrics(0.3));
    expect(label).toMatchObject({ id: 'PRJ-1', x: 230, y: 100, key: 'PRJ-1', dimmed: false });
    expect(label.lines[0].startsWith('PRJ-1')).toBe(true);
    const [tiny] = pictureLabels([card('PRJ-1', 0, 0)], farLabelMetrics(0.05));
    expect(tiny.lines).toEqual(['PRJ-1']);
  });
});
