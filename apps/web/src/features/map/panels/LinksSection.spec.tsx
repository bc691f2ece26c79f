import { QueryClientProvider } from '@tanstack/react-query';
import type { GraphNode, LinkRecord, NodeRecord } from '@throughline/domain';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '../../../api/auth.queries';
import { createQueryClient } from '../../../app/queryClient';
import { sessionOf } from '../../../app/testing';
import { mockApi } from '../../../test/mockApi';
import { ToastProvider } from '../../../ui/Toasts';
import { LinksSection } from './LinksSection';

const link = (id: string, extra: Partial<LinkRecord>): LinkRecord =>
  ({ id, fromId: 'p', toId: 'o', kind: 'contributes_to', weight: 20, state: 'approved', ...extra }) as LinkRecord;
const other = { id: 'o', key: 'OBJ-10', title: 'Community energy' } as GraphNode;

function renderLinks(links: LinkRecord[], role: Role = 'pmo') {
  const api = mockApi({
    'GET /auth/session': sessionOf(role),
    'GET /links': links,
    'PATCH /links/l1': (r: { body: unknown }) => ({ ...links[0], ...(r.body as object) }),
    'POST /links/l2/approve': { ...links[1], state: 'approved' },
  });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <ToastProvider>
        <LinksSection
          node={{ id: 'p', kind: 'project' } as NodeRecord}
          nodesById={new Map([['o', other]])}
          onShowNode={jest.fn()}
        />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return api;
}

describe(LinksSection.name, () => {
  it('edits the weight of a contribution in place', async () => {
    const api = renderLinks([link('l1', {})]);
    const weight = await screen.findByRole('spinbutton');
    expect(weight).toHaveValue(20);
    await userEvent.clear(weight);
    await userEvent.type(weight, '60{Enter}');
    expect(api.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ weight: 60 });
  });

  it('does not send a weight outside 0–100', async () => {
    const api = renderLinks([link('l1', {})]);
    const weight = await screen.findByRole('spinbutton');
    await userEvent.clear(weight);
    await userEvent.type(weight, '140{Enter}');
    expect(weight).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('approves a proposed link', async () => {
    const api = renderLinks([link('l1', {}), link('l2', { kind: 'depends_on', state: 'proposed', weight: null })]);
    const row = (await screen.findAllByRole('listitem')).find((li) => li.textContent?.includes('proposed'))!;
    await userEvent.click(within(row).getByRole('button', { name: 'Approve' }));
    expect(api.calls.some((c) => c.method === 'POST' && c.path === '/links/l2/approve')).toBe(true);
  });

  it('shows an executive the links as text: weight, no approve, no remove', async () => {
    renderLinks([link('l1', {}), link('l2', { kind: 'depends_on', state: 'proposed', weight: null })], 'executive');
    expect(await screen.findByText('weight 20')).toBeInTheDocument();
    expect(screen.queryByRole('spinbutton')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove' })).toBeNull();
    // The other end still opens.
    expect(screen.getAllByRole('button', { name: /OBJ-10/ })).toHaveLength(2);
  });
});
