import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Proposal } from '../../api/proposals.queries';
import { renderApp, sessionOf } from '../../app/testing';
import { mockApi, type MockRequest } from '../../test/mockApi';

const end = (key: string, kind: string, title: string, unitKey: string | null = null) => ({
  key,
  kind,
  title,
  businessUnitId: unitKey ? `u-${unitKey}` : null,
  businessUnitKey: unitKey,
});

function proposal(id: string, from: string, to: string, proposedById: string, proposedBy: string): Proposal {
  return {
    id,
    fromId: `n-${from}`,
    toId: `n-${to}`,
    kind: 'contributes_to',
    weight: 40,
    rationale: `${from} moves ${to}`,
    state: 'proposed',
    proposedBy,
    proposedById,
    proposedAt: '2026-11-20T09:00:00Z',
    decidedBy: null,
    decidedAt: null,
    decisionComment: null,
    version: 1,
    createdAt: '2026-11-20T09:00:00Z',
    updatedAt: '2026-11-20T09:00:00Z',
    from: end(from, 'bau', `Work ${from}`, 'GEN'),
    to: end(to, 'objective', `Objective ${to}`),
    crossUnit: false,
  } as unknown as Proposal;
}

const QUEUE = [
  proposal('l1', 'BAU-1', 'OBJ-1', 'user-cara', 'Cara Contributor'),
  proposal('l2', 'BAU-2', 'OBJ-2', 'user-pmo', 'Ada pmo'),
  proposal('l3', 'BAU-3', 'OBJ-3', 'user-cara', 'Cara Contributor'),
];

function api(extra: Record<string, unknown> = {}) {
  return mockApi({
    'GET /health': { status: 'ok', database: 'connected' },
    'GET /auth/session': sessionOf('pmo'),
    'GET /notifications': { items: [], unread: 0 },
    'GET /links/proposals': QUEUE,
    ...extra,
  });
}

describe('InboxPage', () => {
  it('shows each proposal with its note and proposer; one’s own cannot be picked or decided', async () => {
    api();
    renderApp('/inbox');
    const first = await screen.findByTestId('proposal-BAU-1-OBJ-1');
    expect(first).toHaveTextContent('BAU-1 moves OBJ-1');
    expect(first).toHaveTextContent('Proposed by Cara Contributor');
    const own = screen.getByTestId('proposal-BAU-2-OBJ-2');
    expect(own).toHaveTextContent('Your own proposal: another PMO lead or admin decides it.');
    expect(within(own).getByRole('checkbox')).toBeDisabled();
    expect(within(own).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(screen.getByLabelText(/Select all I may decide/)).toBeInTheDocument();
    expect(screen.getByText('Select all I may decide (2)')).toBeInTheDocument();
  });

  it('approves one with a comment, and refuses to reject without one', async () => {
    const calls = api({
      'POST /links/l1/approve': (r: MockRequest) => ({ ...QUEUE[0], state: 'approved', body: r.body }),
      'POST /links/l1/reject': () => QUEUE[0],
    });
    renderApp('/inbox');
    const row = await screen.findByTestId('proposal-BAU-1-OBJ-1');
    await userEvent.click(within(row).getByRole('button', { name: 'Reject' }));
    expect(within(row).getByRole('button', { name: 'Reject' })).toBeDisabled();
    expect(calls.calls.some((c) => c.path.endsWith('/reject'))).toBe(false);
    await userEvent.type(within(row).getByRole('textbox'), 'Fits the plan');
    await userEvent.click(within(row).getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('BAU-1 → OBJ-1 approved')).toBeInTheDocument();
    expect(calls.calls.find((c) => c.path === '/links/l1/approve')?.body).toEqual({ comment: 'Fits the plan' });
  });

  it('approves the selected in bulk and reports each item', async () => {
    const calls = api({
      'POST /links/decisions': {
        decision: 'approve',
        results: [
          { id: 'l1', ok: true, link: QUEUE[0] },
          { id: 'l3', ok: false, code: 'LINK_CYCLE', message: 'It would close a cycle.' },
        ],
        approved: 1,
        rejected: 0,
        failed: 1,
      },
    });
    renderApp('/inbox');
    await userEvent.click(await screen.findByLabelText(/Select all I may decide/));
    await userEvent.click(screen.getByRole('button', { name: 'Approve selected (2)' }));
    const results = await screen.findByTestId('bulk-results');
    expect(results).toHaveTextContent('1 approved, 1 refused');
    expect(results).toHaveTextContent('BAU-1 → OBJ-1: approved');
    expect(results).toHaveTextContent('BAU-3 → OBJ-3: It would close a cycle.');
    expect(calls.calls.find((c) => c.path === '/links/decisions')?.body).toEqual({
      ids: ['l1', 'l3'],
      decision: 'approve',
    });
  });

  it('is not offered to a contributor', async () => {
    mockApi({
      'GET /auth/session': sessionOf('contributor'),
      'GET /notifications': { items: [], unread: 0 },
    });
    renderApp('/inbox');
    expect(await screen.findByRole('heading', { name: 'Not available to your role' })).toBeInTheDocument();
    expect(screen.getByText('Only a PMO lead or an admin decides proposals.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Inbox' })).not.toBeInTheDocument();
  });
});
