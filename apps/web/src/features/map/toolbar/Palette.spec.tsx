import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Palette } from './Palette';

describe('Palette', () => {
  it('offers the kinds a role may create, each saying in words what it adds, and picks one', async () => {
    const onPick = jest.fn();
    render(<Palette onPick={onPick} active={null} kinds={['objective', 'key_result', 'bau', 'asset']} />);
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('title'))).toEqual([
      'Add an objective',
      'Add a key result',
      'Add a BAU activity',
      'Add a value asset',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'BAU activity' }));
    expect(onPick).toHaveBeenCalledWith('bau');
  });

  it('is not there for a role that may create nothing', () => {
    const { container } = render(<Palette onPick={jest.fn()} active={null} kinds={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
