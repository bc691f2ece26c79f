import type { BusinessUnitRecord, GraphNode } from '@throughline/domain';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FilterBar, describeFilters } from './FilterBar';

const units = [{ id: 'u1', key: 'NET', name: 'Networks' }] as BusinessUnitRecord[];
const themes = [{ id: 't1', key: 'THM-1', title: 'A safe network' }] as GraphNode[];

describe('FilterBar', () => {
  it('keeps the filters behind one button that opens labelled selects, and sets one', async () => {
    const onChange = jest.fn();
    render(<FilterBar filters={{}} units={units} themes={themes} onChange={onChange} />);
    expect(screen.queryByRole('group', { name: 'Filters' })).not.toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'Filters' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');

    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByRole('group', { name: 'Filters' });
    for (const label of ['Business unit', 'Kind', 'Health', 'Status', 'Theme'])
      expect(within(panel).getByLabelText(label)).toBeInTheDocument();
    await userEvent.selectOptions(within(panel).getByLabelText('Business unit'), 'u1');
    expect(onChange).toHaveBeenCalledWith('businessUnitId', 'u1');
  });

  it('closes on Escape, giving the focus back to its button, and on a click elsewhere', async () => {
    render(
      <>
        <FilterBar filters={{}} units={units} themes={themes} onChange={jest.fn()} />
        <p>elsewhere</p>
      </>,
    );
    const toggle = screen.getByRole('button', { name: 'Filters' });
    await userEvent.click(toggle);
    await userEvent.click(screen.getByLabelText('Kind'));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Filters' })).not.toBeInTheDocument();
    expect(toggle).toHaveFocus();

    await userEvent.click(toggle);
    await userEvent.click(screen.getByText('elsewhere'));
    expect(screen.queryByRole('group', { name: 'Filters' })).not.toBeInTheDocument();
  });

  it('says how many filters are on and which, and clears them all without opening the panel', async () => {
    const onChange = jest.fn();
    render(
      <FilterBar filters={{ businessUnitId: 'u1', health: 'red' }} units={units} themes={themes} onChange={onChange} />,
    );
    const toggle = screen.getByRole('button', { name: 'Filters · 2' });
    expect(toggle).toHaveAttribute('title', 'Unit NET; Health red');
    await userEvent.click(screen.getByRole('button', { name: 'Clear 2' }));
    expect(onChange.mock.calls.map(([name, value]) => [name, value])).toEqual(
      expect.arrayContaining([
        ['businessUnitId', null],
        ['health', null],
      ]),
    );
  });

  it('words the filters that are on', () => {
    expect(
      describeFilters({ businessUnitId: 'u1', kind: 'bau', status: 'on_hold', themeId: 't1' }, units, themes),
    ).toBe('Unit NET; Kind BAU activity; Status on hold; Theme THM-1');
    expect(describeFilters({}, units, themes)).toBe('');
  });
});
