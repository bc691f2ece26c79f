import { QueryClientProvider } from '@tanstack/react-query';
import type { NodeRecord } from '@throughline/domain';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createQueryClient } from '../../../app/queryClient';
import { sessionOf } from '../../../app/testing';
import { mockApi } from '../../../test/mockApi';
import { ToastProvider } from '../../../ui/Toasts';
import { CheckInsSection } from './CheckInsSection';

const keyResult = {
  id: 'kr1',
  key: 'KR-2',
  kind: 'key_result',
  title: 'Halve emissions',
  owner: 'Ada contributor',
  baseline: 100,
  target: 50,
  current: 70,
  unit: 'kt',
} as unknown as NodeRecord;

function renderSection() {
  const api = mockApi({
    'GET /auth/session': sessionOf('pmo'),
    // Newest first, as the API sends them.
    'GET /nodes/kr1/check-ins': [
      { id: 'c2', at: '2026-11-01', value: 70, confidence: 0.75, note: 'on track' },
      { id: 'c1', at: '2026-10-01', value: 90, confidence: null, note: 'slow start' },
    ],
    'POST /nodes/kr1/check-ins': { id: 'c3', at: '2026-11-30', value: 60, confidence: 0.8, note: '' },
  });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <ToastProvider>
        <CheckInsSection node={keyResult} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return api;
}

describe(CheckInsSection.name, () => {
  it('draws the trend against the target, and lists the readings under the form', async () => {
    renderSection();
    const chart = await screen.findByTestId('chart-KR-2');
    // The chart in words: first to last reading, the target and the latest confidence.
    expect(chart).toHaveAccessibleName(
      'KR-2 readings: 90 kt on 1 Oct 2026 to 70 kt on 1 Nov 2026 (2 check-ins), target 50 kt, 75% confident',
    );
    expect(screen.getByTestId('kr-figures')).toHaveTextContent('Baseline100 ktTarget50 ktNow70 kt');
    const table = screen.getByRole('table', { name: 'Readings' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['1 Nov 202670' + '75%on track', '1 Oct 202690—slow start']);
    // The form comes before the readings.
    const form = screen.getByRole('form', { name: 'New check-in' });
    expect(form.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('labels every field of the form, and records a check-in', async () => {
    const api = renderSection();
    await screen.findByTestId('chart-KR-2');
    await userEvent.type(screen.getByLabelText('Value (kt)'), '60');
    await userEvent.type(screen.getByLabelText('Confidence (0–1)'), '0.8');
    await userEvent.clear(screen.getByLabelText('On'));
    await userEvent.type(screen.getByLabelText('On'), '2026-11-30');
    await userEvent.click(screen.getByRole('button', { name: 'Add check-in' }));
    expect(await screen.findByText('Check-in recorded for KR-2')).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
      value: 60,
      at: '2026-11-30',
      confidence: 0.8,
      note: '',
    });
  });
});
