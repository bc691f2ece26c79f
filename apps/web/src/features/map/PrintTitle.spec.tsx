import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { PrintTitle, printTitle } from './PrintTitle';

describe(printTitle.name, () => {
  it('names what the printed map is of', () => {
    expect(printTitle(null, undefined, undefined)).toBe('Strategy map: the whole organisation');
    expect(printTitle('strategy', undefined, undefined)).toBe('Strategy map: strategy only, delivery as counts');
    expect(printTitle('business_unit', { key: 'NET', name: 'Networks' }, undefined)).toBe(
      'Strategy map: Networks (NET) and what it serves',
    );
    expect(printTitle('chain', undefined, { key: 'OBJ-1', title: 'Cut power cuts' })).toBe(
      'Strategy map: the chain of OBJ-1 Cut power cuts',
    );
  });
});

describe('PrintTitle', () => {
  afterEach(() => jest.useRealTimers());

  it('dates the page once the browser is idle, not while the map opens', () => {
    jest.useFakeTimers({ now: new Date('2026-11-30T12:00:00Z') });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <PrintTitle scope={null} unit={undefined} root={undefined} nodes={98} />
      </QueryClientProvider>,
    );
    expect(screen.getByTestId('map-print-title')).toHaveTextContent('98 nodes');
    expect(screen.getByTestId('map-print-title')).not.toHaveTextContent('printed');
    act(() => void jest.advanceTimersByTime(3000));
    expect(screen.getByTestId('map-print-title')).toHaveTextContent('98 nodes · printed 30 Nov 2026');
  });
});
