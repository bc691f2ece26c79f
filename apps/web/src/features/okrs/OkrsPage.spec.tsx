import { screen, waitFor, within } from '@testing-library/react';
import { addDays, todayIso } from '@throughline/domain';
import userEvent from '@testing-library/user-event';
import { renderApp, sessionOf } from '../../app/testing';
import { mockApi } from '../../test/mockApi';

const kr = (id: string, key: string, extra: Record<string, unknown> = {}) => ({
  id,
  key,
  kind: 'key_result',
  title: `${key} title`,
  owner: 'Head of Metering',
  baseline: 0,
  target: 100,
  current: 40,
  confidence: 0.6,
  unit: 'meters',
  version: 1,
  ...extra,
});

const routes = (role: Parameters<typeof sessionOf>[0], current = 40) => ({
  'GET /auth/session': sessionOf(role, {
    user: { id: 'u1', name: 'Head of Metering', email: 'hm@example.test', totpEnabled: false },
  }),
  'GET /graph': {
    scope: 'strategy',
    truncated: false,
    nodes: [
      {
        id: 'o1',
        key: 'OBJ-1',
        kind: 'objective',
        title: 'Grow',
        owner: null,
        businessUnitId: null,
        status: 'active',
        health: 'green',
        version: 1,
      },
    ],
    links: [
      { id: 'l1', from: 'k1', to: 'o1', kind: 'contributes_to', state: 'approved', weight: null },
      { id: 'l2', from: 'k2', to: 'o1', kind: 'contributes_to', state: 'approved', weight: null },
    ],
  },
  'GET /nodes': {
    items: [kr('k1', 'KR-1', { current }), kr('k2', 'KR-2', { owner: 'Someone else', confidence: null })],
    nextCursor: null,
  },
  'GET /coverage': {
    rollups: [
      {
        nodeId: 'o1',
        key: 'OBJ-1',
        kind: 'objective',
        progress: current / 200 + 0.25,
        reportedHealth: 'green',
        derivedHealth: 'green',
      },
      {
        nodeId: 'k1',
        key: 'KR-1',
        kind: 'key_result',
        progress: current / 100,
        reportedHealth: 'green',
        derivedHealth: 'green',
      },
      { nodeId: 'k2', key: 'KR-2', kind: 'key_result', progress: 0.5, reportedHealth: 'green', derivedHealth: 'green' },
    ],
  },
  'GET /okr-cycles': [],
  'GET /audit': {
    summary: { error: 0, warning: 1, info: 0 },
    findings: [
      { id: 'stale-key-result:1', rule: 'stale-key-result', severity: 'warning', nodeIds: ['k2'], message: 'stale' },
    ],
    waived: [],
  },
  'GET /nodes/k1/check-ins': [
    {
      id: 'c2',
      nodeId: 'k1',
      at: '2026-11-01',
      value: 40,
      confidence: 0.6,
      note: '',
      createdBy: 'x',
      createdAt: '2026-11-01T00:00:00Z',
    },
    {
      id: 'c1',
      nodeId: 'k1',
      at: '2026-10-01',
      value: 20,
      confidence: 0.5,
      note: '',
      createdBy: 'x',
      createdAt: '2026-10-01T00:00:00Z',
    },
  ],
});

describe('OKRs page', () => {
  it('shows each objective with its key results, progress, confidence, and the stale ones to chase', async () => {
    mockApi(routes('executive'));
    renderApp('/okrs');
    // The first render of the app loads its routes: slow on a loaded machine.
    const objective = await screen.findByTestId('okr-objective', {}, { timeout: 5000 });
    expect(within(objective).getByRole('progressbar', { name: 'OBJ-1 progress' })).toHaveAttribute(
      'aria-valuenow',
      '45',
    );
    const kr1 = within(objective).getByTestId('kr-KR-1');
    expect(within(kr1).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
    expect(kr1).toHaveTextContent('60% confident');
    expect(kr1).toHaveTextContent('40 meters of 100 meters');
    expect(screen.getByTestId('stale-key-results')).toHaveTextContent('KR-2 KR-2 title — Someone else');
    expect(within(objective).getByTestId('kr-KR-2')).toHaveTextContent('stale');
    // An executive reads; it does not check in.
    expect(screen.queryByRole('button', { name: 'Check in' })).not.toBeInTheDocument();
  });

  it('lets the key result’s owner check in, and the bar moves with the new figures', async () => {
    let current = 40;
    const api = mockApi({
      ...routes('contributor'),
      'GET /nodes': () => ({
        items: [kr('k1', 'KR-1', { current }), kr('k2', 'KR-2', { owner: 'Someone else' })],
        nextCursor: null,
      }),
      'GET /coverage': () => routes('contributor', current)['GET /coverage'],
      'POST /nodes/k1/check-ins': (r: { body: unknown }) => {
        current = (r.body as { value: number }).value;
        return {
          id: 'c3',
          nodeId: 'k1',
          at: '2026-11-30',
          value: current,
          confidence: 0.8,
          note: 'Ahead',
          createdBy: 'x',
          createdAt: '',
        };
      },
    });
    renderApp('/okrs');
    const kr1 = await screen.findByTestId('kr-KR-1');
    // Only the owner's key result offers a check-in to a contributor.
    expect(within(screen.getByTestId('kr-KR-2')).queryByRole('button', { name: 'Check in' })).not.toBeInTheDocument();
    await userEvent.click(within(kr1).getByRole('button', { name: 'Check in' }));
    await userEvent.type(within(kr1).getByLabelText('Value'), '70');
    await userEvent.type(within(kr1).getByLabelText('Confidence (0–1)'), '0.8');
    await userEvent.type(within(kr1).getByLabelText('Note'), 'Ahead');
    await userEvent.click(within(kr1).getByRole('button', { name: 'Record check-in' }));
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ value: 70, confidence: 0.8, note: 'Ahead' });
    expect(await screen.findByText('Check-in recorded for KR-1')).toBeInTheDocument();
    await screen.findByText('70 meters of 100 meters', { exact: false });
    expect(within(screen.getByTestId('kr-KR-1')).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '70');
    // After the check-in the history shows, against the target.
    expect(await screen.findByTestId('chart-KR-1')).toBeInTheDocument();
    // Typing into three fields takes seconds of jsdom time on a loaded machine.
  }, 20_000);

  describe('cycles', () => {
    const today = todayIso();
    const cycles = [
      { id: 'now', name: 'This quarter', startsOn: addDays(today, -10), endsOn: addDays(today, 10), keyResults: 1 },
      { id: 'past', name: 'Last quarter', startsOn: addDays(today, -100), endsOn: addDays(today, -11), keyResults: 1 },
    ].map((c) => ({ ...c, createdAt: '2026-01-01T00:00:00Z' }));
    const withCycles = (role: Parameters<typeof sessionOf>[0], list = cycles) => ({
      ...routes(role),
      'GET /okr-cycles': list,
      'GET /nodes': {
        items: [kr('k1', 'KR-1', { cycleId: 'now' }), kr('k2', 'KR-2', { owner: 'Someone else', cycleId: 'past' })],
        nextCursor: null,
      },
    });

    it('opens on the cycle containing today: its key results, and only its stale ones', async () => {
      mockApi(withCycles('executive'));
      renderApp('/okrs');
      await screen.findByTestId('kr-KR-1');
      expect(screen.getByLabelText('Cycle')).toHaveValue('now');
      expect(screen.queryByTestId('kr-KR-2')).not.toBeInTheDocument();
      // KR-2 is stale, but of last quarter.
      expect(screen.queryByTestId('stale-key-results')).not.toBeInTheDocument();
      // An executive filters; it does not manage cycles.
      expect(screen.queryByTestId('okr-cycles-manager')).not.toBeInTheDocument();
    });

    it('changes cycle from the filter, and opens on the one the URL names', async () => {
      mockApi(withCycles('executive'));
      renderApp('/okrs?cycle=past');
      await screen.findByTestId('kr-KR-2');
      expect(screen.queryByTestId('kr-KR-1')).not.toBeInTheDocument();
      expect(screen.getByTestId('stale-key-results')).toHaveTextContent('KR-2');
      await userEvent.selectOptions(screen.getByLabelText('Cycle'), 'All cycles');
      expect(await screen.findByTestId('kr-KR-1')).toBeInTheDocument();
      expect(screen.getByTestId('kr-KR-2')).toBeInTheDocument();
      await userEvent.selectOptions(screen.getByLabelText('Cycle'), 'In no cycle');
      await waitFor(() => expect(screen.queryByTestId('kr-KR-1')).not.toBeInTheDocument());
      expect(screen.getByText('No key result in this cycle.')).toBeInTheDocument();
    });

    it('shows everything when no cycle contains today', async () => {
      mockApi(withCycles('executive', [cycles[1]]));
      renderApp('/okrs');
      await screen.findByTestId('kr-KR-1');
      expect(screen.getByTestId('kr-KR-2')).toBeInTheDocument();
      expect(screen.getByLabelText('Cycle')).toHaveValue('all');
    });

    it('lets a PMO define a cycle and put a key result in one', async () => {
      const api = mockApi({
        ...withCycles('pmo'),
        'POST /okr-cycles': (r: { body: unknown }) => ({
          id: 'next',
          keyResults: 0,
          createdAt: '',
          ...(r.body as object),
        }),
        'PATCH /nodes/k1': (r: { body: unknown }) => ({ ...kr('k1', 'KR-1'), ...(r.body as object) }),
      });
      renderApp('/okrs');
      const kr1 = await screen.findByTestId('kr-KR-1');
      await userEvent.selectOptions(within(kr1).getByLabelText('Cycle of KR-1'), 'Last quarter');
      await waitFor(() =>
        expect(api.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ version: 1, cycleId: 'past' }),
      );

      const manager = screen.getByTestId('okr-cycles-manager');
      await userEvent.click(within(manager).getByText('Manage cycles'));
      expect(manager).toHaveTextContent('This quarter');
      await userEvent.click(within(manager).getByRole('button', { name: 'New cycle' }));
      await userEvent.type(within(manager).getByLabelText('Name'), '2027 Q1');
      await userEvent.type(within(manager).getByLabelText('First day'), '2027-01-01');
      await userEvent.type(within(manager).getByLabelText('Last day'), '2026-12-01');
      expect(within(manager).getByRole('alert')).toHaveTextContent('The last day must be on or after the first.');
      await userEvent.clear(within(manager).getByLabelText('Last day'));
      await userEvent.type(within(manager).getByLabelText('Last day'), '2027-03-31');
      await userEvent.click(within(manager).getByRole('button', { name: 'Save cycle' }));
      await waitFor(() =>
        expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
          name: '2027 Q1',
          startsOn: '2027-01-01',
          endsOn: '2027-03-31',
        }),
      );
    });
  });
});
