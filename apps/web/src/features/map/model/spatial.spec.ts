import { cardAt, indexCards, nearestInDirection } from './spatial';

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

describe('cardAt', () => {
  const size = { width: 260, height: 120 };
  const cards = [
    { id: 'a', position: { x: 0, y: 0 } },
    { id: 'b', position: { x: 580, y: 590 } }, // across four cells of 600
    { id: 'c', position: { x: 100, y: 50 } }, // over a, drawn after it
  ];
  const index = indexCards(cards, size);

  it('finds the card under a point, the one drawn last where two overlap', () => {
    expect(cardAt(index, { x: 10, y: 10 })).toBe('a');
    expect(cardAt(index, { x: 150, y: 100 })).toBe('c');
    expect(cardAt(index, { x: 300, y: 300 })).toBeNull();
  });

  it('finds a card that straddles the cells of the index from any of them', () => {
    expect(cardAt(index, { x: 590, y: 600 })).toBe('b');
    expect(cardAt(index, { x: 700, y: 650 })).toBe('b');
    expect(cardAt(index, { x: 839, y: 709 })).toBe('b');
    expect(cardAt(index, { x: 841, y: 709 })).toBeNull();
  });
});
