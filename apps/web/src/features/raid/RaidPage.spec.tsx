import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RaidItem } from '@throughline/domain';
import { renderApp, sessionOf } from '../../app/testing';
import { mockApi } from '../../test/mockApi';

const item = (id: string, extra: Partial<RaidItem>): RaidItem => ({
  id,
  type: 'risk',
  title: `Item ${id}`,
  description: '',
  owner: null,
  status: 'open',
  dueDate: null,
  likelihood: null,
  impact: null,
  score: null,
  red: false,
  overdue: false,
  decidedOn: null,
  decidedBy: null,
  attachments: [],
  detached: false,
  version: 1,
  createdBy: 'Pat',
  createdAt: '2026-11-30T09:00:00Z',
  updatedBy: 'Pat',
  updatedAt: '2026-11-30T09:00:00Z',
  ...extra,
});

const ITEMS = [
  item('r1', {
    title: 'Meters may not move the KR',
    likelihood: 3,
    impact: 5,
    score: 15,
    red: true,
    attachments: [{ id: 'a1', nodeId: null, linkId: 'l1', label: 'PRJ-1 → KR-1 (contributes to)', detachedAt: null }],
  }),
  item('r2', {
    type: 'action',
    title: 'Chase supplier',
    dueDate: '2026-01-01',
    overdue: true,
    attachments: [
      {
        id: 'a2',
        nodeId: null,
        linkId: null,
        label: 'PRJ-2 → OBJ-1 (contributes to)',
        detachedAt: '2026-11-30T10:00:00Z',
      },
    ],
    detached: true,
  }),
  item('r3', { likelihood: 1, impact: 2, score: 2 }),
];

describe('RAID page', () => {
  it('lists items with red, overdue and detached flags, and places open risks on the 5×5 matrix', async () => {
    mockApi({ 'GET /auth/session': sessionOf('executive'), 'GET /raid': ITEMS });
    renderApp('/raid');
    const rows = await screen.findAllByTestId('raid-item');
    expect(rows[0]).toHaveTextContent('PRJ-1 → KR-1 (contributes to)');
    expect(rows[0]).toHaveTextContent('15 red');
    expect(rows[1]).toHaveTextContent('overdue');
    expect(rows[1]).toHaveTextContent('detached');
    expect(screen.queryByRole('button', { name: 'New item' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Risk matrix' }));
    const matrix = screen.getByTestId('risk-matrix');
    expect(within(matrix).getByTestId('cell-5-3')).toHaveTextContent('1');
    expect(within(matrix).getByTestId('cell-5-3')).toHaveClass('is-red');
    expect(within(matrix).getByTestId('cell-2-1')).toHaveTextContent('1');
  });

  it('sends the filters to the API', async () => {
    const api = mockApi({ 'GET /auth/session': sessionOf('pmo'), 'GET /raid': [] });
    renderApp('/raid');
    await screen.findByText('Nothing logged.');
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'action');
    await userEvent.click(screen.getByLabelText('Overdue only'));
    const last = api.calls.filter((c) => c.path === '/raid').at(-1)!;
    expect(last.query.get('type')).toBe('action');
    expect(last.query.get('overdue')).toBe('true');
    // The download is the list as filtered.
    expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
      'href',
      '/api/raid/export.csv?type=action&overdue=true',
    );
  });

  it('offers every member the log as CSV', async () => {
    mockApi({ 'GET /auth/session': sessionOf('executive'), 'GET /raid': ITEMS });
    renderApp('/raid');
    await screen.findAllByTestId('raid-item');
    const link = screen.getByRole('link', { name: 'Download CSV' });
    expect(link).toHaveAttribute('href', '/api/raid/export.csv');
    expect(link).toHaveAttribute('download', 'raid-log.csv');
  });

  it('opens on one node’s items from a link such as /raid?nodeId=…', async () => {
    const api = mockApi({ 'GET /auth/session': sessionOf('executive'), 'GET /raid': [ITEMS[0]] });
    renderApp('/raid?nodeId=n7');
    await screen.findAllByTestId('raid-item');
    expect(api.calls.find((c) => c.path === '/raid')?.query.get('nodeId')).toBe('n7');
  });

  it('logs a risk on a link found through its node', async () => {
    const api = mockApi({
      'GET /auth/session': sessionOf('pmo'),
      'GET /raid': [],
      'GET /nodes': { items: [{ id: 'n1', key: 'PRJ-1', title: 'Smart meters', kind: 'project' }], nextCursor: null },
      'GET /links': [{ id: 'l1', fromId: 'n1', toId: 'n2', kind: 'contributes_to' }],
      'GET /nodes/n1': { id: 'n1', key: 'PRJ-1' },
      'GET /nodes/n2': { id: 'n2', key: 'KR-1' },
      'POST /raid': (r: { body: unknown }) => item('new', { ...(r.body as Partial<RaidItem>) }),
    });
    renderApp('/raid');
    await userEvent.click(await screen.findByRole('button', { name: 'New item' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Title'), 'Meters may not move the KR');
    await userEvent.selectOptions(within(dialog).getByLabelText('Likelihood'), '4');
    await userEvent.selectOptions(within(dialog).getByLabelText('Impact'), '4');
    expect(within(dialog).getByText('Score 16')).toHaveClass('is-red');
    await userEvent.type(within(dialog).getByLabelText('Find a node'), 'PRJ');
    await userEvent.selectOptions(await within(dialog).findByLabelText('Node'), 'n1');
    await userEvent.click(
      await within(dialog).findByRole('button', { name: 'Attach link PRJ-1 → KR-1 (contributes to)' }),
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Risk “Meters may not move the KR” saved')).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      type: 'risk',
      likelihood: 4,
      impact: 4,
      attachments: [{ linkId: 'l1' }],
    });
    // Many steps of typing and picking: seconds of jsdom time on a loaded machine.
  }, 20_000);
});
