import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Notification } from '../../api/notifications.queries';
import { renderApp, sessionOf } from '../../app/testing';
import { mockApi } from '../../test/mockApi';

const note = (
  id: string,
  kind: Notification['kind'],
  message: string,
  extra: Partial<Notification> = {},
): Notification => ({
  id,
  kind,
  message,
  comment: null,
  linkId: `link-${id}`,
  fromNodeId: 'n1',
  toNodeId: 'n2',
  createdAt: '2026-11-30T09:00:00Z',
  readAt: null,
  ...extra,
});

const ITEMS = [
  note('a', 'proposal_rejected', 'BAU-1 → OBJ-2 was rejected by Ada pmo', { comment: 'Not this year' }),
  note('b', 'dependency_to_acknowledge', 'BAU-4 (MTR) depends on AST-4 (GEN)'),
  note('c', 'proposal_approved', 'BAU-9 → OBJ-1 was approved', { readAt: '2026-11-30T09:05:00Z' }),
];

describe('Notifications', () => {
  it('shows the unread count on the header’s bell and the decision’s comment in the list', async () => {
    mockApi({
      'GET /auth/session': sessionOf('contributor'),
      'GET /notifications': { items: ITEMS, unread: 2 },
      'GET /business-units': [],
    });
    renderApp('/notifications');
    expect(await screen.findByTestId('notification-badge')).toHaveTextContent('2');
    expect(screen.getByRole('link', { name: 'Notifications, 2 unread' })).toBeInTheDocument();
    const [rejected] = await screen.findAllByTestId('notification');
    expect(rejected).toHaveTextContent('Your proposal was rejected');
    expect(rejected).toHaveTextContent('“Not this year”');
  });

  it('reads the list on opening it: the badge clears, what was new stays marked', async () => {
    let unread = 2;
    const api = mockApi({
      'GET /auth/session': sessionOf('contributor'),
      'GET /notifications': () => ({
        items: ITEMS.map((n) => (unread ? n : { ...n, readAt: n.readAt ?? '2026-11-30T10:00:00Z' })),
        unread,
      }),
      'POST /notifications/read': () => {
        unread = 0;
        return { unread };
      },
    });
    renderApp('/notifications');
    expect(await screen.findByTestId('notification-badge')).toHaveTextContent('2');
    await waitFor(() => expect(screen.queryByTestId('notification-badge')).not.toBeInTheDocument());
    expect(api.calls.find((c) => c.path === '/notifications/read')?.body).toEqual({ all: true });
    const items = screen.getAllByTestId('notification');
    expect(items.map((i) => i.classList.contains('is-unread'))).toEqual([true, true, false]);
  });

  it('acknowledges a cross-unit dependency and marks its notification read', async () => {
    const api = mockApi({
      'GET /auth/session': sessionOf('contributor'),
      'GET /notifications': { items: ITEMS, unread: 2 },
      'POST /links/link-b/acknowledge': { id: 'link-b', state: 'approved' },
      'POST /notifications/read': { unread: 1 },
    });
    renderApp('/notifications');
    const items = await screen.findAllByTestId('notification');
    await userEvent.click(within(items[1]).getByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByText(/Dependency acknowledged/)).toBeInTheDocument();
    expect(api.calls.filter((c) => c.path === '/notifications/read').map((c) => c.body)).toEqual([
      { all: true },
      { ids: ['b'] },
    ]);
    expect(within(items[0]).queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
  });
});
