import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SnapshotDiffResult, SnapshotSummary } from '../../api/snapshots.queries';
import { renderApp, sessionOf } from '../../app/testing';
import { DiffOverlayPanel } from './DiffOverlayPanel';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { mockApi } from '../../test/mockApi';

const summary = (id: string, name: string, share: number): SnapshotSummary => ({
  id,
  name,
  takenAt: '2026-11-30T09:00:00Z',
  takenBy: 'Pat PMO',
  nodeCount: 5,
  linkCount: 3,
  coverage: {
    objectives: { total: 2, covered: share * 2, share },
    workByCount: { total: 2, aligned: 2, share: 1 },
    workByMoney: { total: 0, aligned: 0, share: null },
  },
  audit: { error: 1, warning: 0, info: 0 },
});

const SNAPSHOTS = [summary('s2', 'After', 0.5), summary('s1', 'Q4 baseline', 1)];

const DIFF: SnapshotDiffResult = {
  from: SNAPSHOTS[1],
  to: null,
  names: { n9: { key: 'OBJ-9', title: 'Unchanged' }, n3: { key: 'PRJ-2', title: 'Smart meters' } },
  counts: { nodes: { added: 1, removed: 1, changed: 1 }, links: { added: 0, removed: 1, changed: 0 } },
  nodes: {
    added: [{ id: 'n4', key: 'BAU-1', title: 'Run the network' }],
    removed: [{ id: 'n3', key: 'PRJ-2', title: 'Smart meters' }],
    changed: [
      {
        id: 'n1',
        record: { id: 'n1', key: 'OBJ-1', title: 'Grow faster' },
        changes: [{ field: 'title', from: 'Grow', to: 'Grow faster' }],
      },
    ],
  },
  links: {
    added: [],
    removed: [{ id: 'l2', fromId: 'n3', toId: 'n9', kind: 'contributes_to' }],
    changed: [],
  },
  coverage: {
    objectivesCovered: { from: 2, to: 1, delta: -1 },
    objectivesShare: { from: 1, to: 0.5, delta: -0.5 },
    workAlignedByCountShare: { from: 1, to: 1, delta: 0 },
    workAlignedByMoneyShare: { from: null, to: null, delta: null },
  },
  audit: {
    error: { from: 0, to: 1, delta: 1 },
    warning: { from: 0, to: 0, delta: 0 },
    info: { from: 0, to: 0, delta: 0 },
  },
};

describe('Snapshots page', () => {
  it('lists snapshots and shows the newest one against now: counts, deltas and field-by-field changes', async () => {
    const api = mockApi({
      'GET /auth/session': sessionOf('executive'),
      'GET /snapshots': SNAPSHOTS,
      'GET /snapshots/diff': DIFF,
    });
    renderApp('/snapshots');
    const rows = await screen.findAllByTestId('snapshot-row');
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['After', 'Q4 baseline']);
    expect(rows[0]).toHaveTextContent('50%');
    const counts = await screen.findByTestId('diff-counts');
    expect(counts).toHaveTextContent('Nodes added1');
    expect(counts).toHaveTextContent('Links removed1');
    expect(screen.getByTestId('diff-deltas')).toHaveTextContent('Objective coverage100%50%−50 pts');
    expect(screen.getByTestId('diff-added')).toHaveTextContent('BAU-1 — Run the network');
    expect(screen.getAllByTestId('diff-removed')[0]).toHaveTextContent('PRJ-2 — Smart meters');
    // A removed link is named by its ends, from the names the diff carries.
    expect(screen.getAllByTestId('diff-removed')[1]).toHaveTextContent(
      'PRJ-2 — Smart meters contributes to OBJ-9 — Unchanged',
    );
    expect(screen.getByTestId('diff-changed')).toHaveTextContent('title: Grow → Grow faster');
    const diffCall = api.calls.find((c) => c.path === '/snapshots/diff')!;
    expect([diffCall.query.get('from'), diffCall.query.get('to')]).toEqual(['s2', 'now']);
    // An executive reads; taking a snapshot is a PMO's.
    expect(screen.queryByRole('button', { name: 'Take snapshot' })).not.toBeInTheDocument();
  });

  it('compares two chosen snapshots', async () => {
    const api = mockApi({
      'GET /auth/session': sessionOf('pmo'),
      'GET /snapshots': SNAPSHOTS,
      'GET /snapshots/diff': DIFF,
    });
    renderApp('/snapshots');
    await screen.findByTestId('diff-counts');
    await userEvent.selectOptions(screen.getByLabelText('From'), 's1');
    await userEvent.selectOptions(screen.getByLabelText('To'), 's2');
    await screen.findByTestId('diff-counts');
    const last = api.calls.filter((c) => c.path === '/snapshots/diff').at(-1)!;
    expect([last.query.get('from'), last.query.get('to')]).toEqual(['s1', 's2']);
    // The map overlay compares a snapshot with now only.
    expect(screen.queryByTestId('diff-on-map')).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('To'), 'now');
    expect(await screen.findByTestId('diff-on-map')).toHaveAttribute('href', '/map?diff=s1');
  });

  it('lets a PMO take a named snapshot', async () => {
    const api = mockApi({
      'GET /auth/session': sessionOf('pmo'),
      'GET /snapshots': [],
      'POST /snapshots': summary('s3', 'Month end', 1),
    });
    renderApp('/snapshots');
    expect(await screen.findByText('No snapshot yet.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Snapshot name'), 'Month end');
    await userEvent.click(screen.getByRole('button', { name: 'Take snapshot' }));
    expect(await screen.findByText('Snapshot “Month end” taken')).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'Month end' });
  });

  it('lists beside the map what it cannot show: the nodes removed since, and the links added and removed', async () => {
    const clear = jest.fn();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter>
          <DiffOverlayPanel
            overlay={{
              snapshotId: 's1',
              result: DIFF,
              pending: false,
              error: null,
              removedNodes: DIFF.nodes.removed,
              clear,
            }}
          />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const panel = screen.getByTestId('diff-overlay');
    expect(panel).toHaveTextContent('Changes since “Q4 baseline”');
    expect(panel).toHaveTextContent('1 added (outlined green)');
    expect(panel).toHaveTextContent('1 changed (outlined amber)');
    expect(screen.getByTestId('diff-overlay-removed')).toHaveTextContent('PRJ-2 — Smart meters');
    expect(screen.getByTestId('diff-overlay-links-removed')).toHaveTextContent(
      'PRJ-2 — Smart meters contributes to OBJ-9 — Unchanged',
    );
    expect(screen.queryByTestId('diff-overlay-links-added')).not.toBeInTheDocument();
    await userEvent.click(within(panel).getByRole('button', { name: 'Hide' }));
    expect(clear).toHaveBeenCalled();
  });
});
