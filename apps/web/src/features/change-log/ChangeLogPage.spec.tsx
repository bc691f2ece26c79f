import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, sessionOf } from '../../app/testing';
import { mockApi, type MockRequest } from '../../test/mockApi';
import { createFormat } from '../../ui/format';
import { changedFields, entityLabel, entityName } from './describeChange';

const entry = (id: number, actor: string) => ({
  id,
  at: '2026-11-30T10:15:00Z',
  actor,
  action: 'update',
  entityType: 'node',
  entityId: '9b2f0f7e-3c1d-4a57-b7d5-0e1f2a3b4c5d',
  before: { key: `OBJ-${id}`, title: 'Grow', status: 'active', version: 1 },
  after: { key: `OBJ-${id}`, title: 'Grow faster', status: 'active', version: 2 },
});

describe('ChangeLogPage', () => {
  it('lists changes newest first, filters them by who, what and when (in the URL), and pages back', async () => {
    const api = mockApi({
      'GET /health': { status: 'ok', database: 'connected' },
      'GET /auth/session': sessionOf('admin'),
      'GET /members': [{ userId: 'u1', name: 'Bo Brown', email: 'bo@acme.test', role: 'pmo', unitIds: [] }],
      'GET /change-log': (request: MockRequest) =>
        request.query.get('before')
          ? { entries: [entry(1, 'Bo Brown')], nextBefore: null }
          : { entries: [entry(3, 'Bo Brown'), entry(2, 'Ada admin')], nextBefore: 2 },
    });
    const app = renderApp('/change-log?entityType=node');
    // The first render of the app loads its routes: slow on a loaded machine.
    const table = await screen.findByTestId('change-log', {}, { timeout: 5000 });
    expect(within(table).getAllByTestId('change-log-entry')).toHaveLength(2);
    expect(within(table).getAllByTestId('change-log-entry')[0]).toHaveTextContent('OBJ-3 — Grow faster');
    expect(within(table).getAllByTestId('change-log-entry')[0]).toHaveTextContent('title: Grow → Grow faster');
    expect(
      api.calls
        .filter((c) => c.path === '/change-log')
        .pop()!
        .query.get('entityType'),
    ).toBe('node');

    await userEvent.type(screen.getByLabelText('Who'), 'Bo Brown{Enter}');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Change' }), 'update');
    await userEvent.type(screen.getByLabelText('From'), '2026-11-01');
    await waitFor(() => expect(app.location()).toContain('from=2026-11-01'));
    const last = api.calls.filter((c) => c.path === '/change-log').pop()!;
    expect(last.query.get('actor')).toBe('Bo Brown');
    expect(last.query.get('action')).toBe('update');
    expect(new Date(last.query.get('from')!).getTime()).toBe(new Date(2026, 10, 1).getTime());
    expect(app.location()).toMatch(/actor=Bo\+Brown/);

    await userEvent.click(await screen.findByRole('button', { name: 'Older changes' }));
    await waitFor(() => expect(screen.getAllByTestId('change-log-entry')).toHaveLength(3));
    expect(
      api.calls
        .filter((c) => c.path === '/change-log')
        .pop()!
        .query.get('before'),
    ).toBe('2');
    expect(screen.getByText(/the beginning of the log/)).toBeInTheDocument();
  });
});

describe('RAID items and OKR cycles in the change log', () => {
  const risk = {
    type: 'risk',
    title: 'Supplier may slip',
    status: 'open',
    owner: null,
    likelihood: 3,
    attachments: [{ nodeId: 'n1', linkId: null, label: 'PRJ-1 Smart meters' }],
    version: 1,
  };

  it('shows a RAID change in words: the item’s type and title, its fields and values by their labels', async () => {
    mockApi({
      'GET /auth/session': sessionOf('admin'),
      'GET /members': [],
      'GET /change-log': {
        entries: [
          {
            id: 2,
            at: '2026-11-30T10:15:00Z',
            actor: 'Pat PMO',
            action: 'update',
            entityType: 'raid_item',
            entityId: 'r1',
            before: risk,
            after: {
              ...risk,
              status: 'in_progress',
              likelihood: 4,
              attachments: [
                ...risk.attachments,
                { nodeId: null, linkId: 'l1', label: 'PRJ-1 → KR-1 (contributes to)' },
              ],
              version: 2,
            },
          },
          {
            id: 1,
            at: '2026-11-30T10:00:00Z',
            actor: 'Pat PMO',
            action: 'create',
            entityType: 'okr_cycle',
            entityId: 'c1',
            before: null,
            after: { id: 'c1', name: '2027 Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' },
          },
        ],
        nextBefore: null,
      },
    });
    renderApp('/change-log');
    const [update, cycle] = await screen.findAllByTestId('change-log-entry');
    expect(update).toHaveTextContent('Risk Supplier may slip changed');
    expect(update).toHaveTextContent('Status: Open → In progress');
    expect(update).toHaveTextContent('Likelihood: 3 → 4');
    expect(update).toHaveTextContent('About: PRJ-1 Smart meters → PRJ-1 Smart meters; PRJ-1 → KR-1 (contributes to)');
    expect(update).not.toHaveTextContent('version');
    expect(cycle).toHaveTextContent('OKR cycle 2027 Q1 created');
    // Both can be picked out with the "What" filter.
    expect(screen.getByRole('option', { name: 'RAID item' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'OKR cycle' })).toBeInTheDocument();
  });

  it('names a deleted decision by its type', () => {
    expect(
      entityLabel({ entityType: 'raid_item', before: { type: 'decision', title: 'Go with B' }, after: null }),
    ).toBe('Decision');
    expect(entityLabel({ entityType: 'okr_cycle', before: null, after: { name: 'Q1' } })).toBe('OKR cycle');
  });
});

describe('describeChange', () => {
  it('names what changed and leaves bookkeeping out', () => {
    expect(
      changedFields({ title: 'a', version: 1, updatedAt: 'x' }, { title: 'b', version: 2, updatedAt: 'y' }),
    ).toEqual(['title: a → b']);
    expect(changedFields(null, { title: 'b' })).toEqual([]);
    expect(entityName({ entityId: 'abcdef123456', before: null, after: { name: 'Networks' } })).toBe('Networks');
    expect(entityName({ entityId: 'abcdef123456', before: { fromId: 'x' }, after: null })).toBe('abcdef12');
    expect(entityName({ entityId: 'i', before: null, after: { email: 'cara@acme.test', role: 'contributor' } })).toBe(
      'cara@acme.test',
    );
    expect(
      entityName({ entityId: 'l', before: null, after: { fromId: 'a', kind: 'contributes_to', state: 'proposed' } }),
    ).toBe('contributes to (proposed)');
    const checkIn = { entityId: 'c', before: null, after: { nodeId: 'n', value: 42.5, at: '2026-11-12' } };
    expect(entityName(checkIn)).toBe('42.5 on 2026-11-12');
    // On the page, the day as the organisation writes it.
    const format = createFormat('GBP', 'en-GB');
    expect(entityName(checkIn, (day) => format.date(day))).toBe('42.5 on 12 Nov 2026');
  });
});
