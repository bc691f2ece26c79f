import { nearestInDirection } from './spatial';

const grid = [
  { id: 'above', at: { x: 0, y: -200 } },
  { id: 'above-far-aside', at: { x: 600, y: -150 } },
  { id: 'right', at: { x: 300, y: 10 } },
  { id: 'below', at: { x: 40, y: 200 } },
];

describe(nearestInDirection.name, () => {
  it('prefers the node straight ahead over a nearer one far to the side', () => {
    expect(nearestInDirection({ x: 0, y: 0 }, grid, 'up')).toBe('above');
  });

  it('moves in each direction and answers null at the edge', () => {
    expect(nearestInDirection({ x: 0, y: 0 }, grid, 'right')).toBe('right');
    expect(nearestInDirection({ x: 0, y: 0 }, grid, 'down')).toBe('below');
    expect(nearestInDirection({ x: 0, y: 0 }, grid, 'left')).toBeNull();
  });
});
