import { act, renderHook, waitFor } from '@testing-library/react';
import { mockApi } from '../../../test/mockApi';
import { providers } from '../../../test/providers';
import type { Positions } from '../layout/geometry';
import { graphLink, graphNode } from '../model/testGraph';
import { LOCAL_MOVES_HINT, RELAYOUT_QUESTION, useMapLayout } from './useMapLayout';

// The layout runs in a worker the tests do not have: this stands in, laying the objective above its project.
const laidOut: Positions = { 'OBJ-1': { x: 0, y: 0 }, 'PRJ-1': { x: 0, y: 200 } };
jest.mock('../layout/layoutClient', () => ({
  requestLayout: jest.fn(() => Promise.resolve({ positions: laidOut, ms: 1 })),
}));

const drawn = {
  nodes: [graphNode('OBJ-1', 'objective'), graphNode('PRJ-1', 'project')],
  links: [graphLink('PRJ-1', 'OBJ-1')],
};
const session = (role: string) => ({
  user: { id: `u-${role}`, name: role, email: `${role}@example.test`, totpEnabled: false },
  organisation: { id: 'org', name: 'Org', slug: 'org', currency: 'GBP', locale: 'en-GB', requireTotp: false },
  role,
  unitIds: [],
  organisations: [],
});

function setup(role: string, arranged: Positions) {
  const api = mockApi({
    'GET /auth/session': session(role),
    'GET /map-layouts': (r: { query: URLSearchParams }) => ({
      view: r.query.get('view'),
      positions: arranged,
      updatedBy: 'pam',
      updatedAt: '2026-11-30T12:00:00.000Z',
    }),
    'PUT /map-layouts': (r: { body: { view: string; positions: Positions } }) => ({
      view: r.body.view,
      positions: { ...arranged, ...r.body.positions },
      updatedBy: 'pam',
      updatedAt: '2026-11-30T12:00:01.000Z',
    }),
    'DELETE /map-layouts': undefined,
  });
  const { wrapper, toast } = providers();
  const hook = renderHook(() => useMapLayout('all', drawn, true), { wrapper });
  return { api, toast, hook };
}

beforeEach(() => sessionStorage.clear());

describe(useMapLayout.name, () => {
  it('draws the organisation’s arrangement on top of the automatic layout, and only once it is in', async () => {
    const { hook } = setup('executive', { 'PRJ-1': { x: 400, y: 260 } });
    await waitFor(() => expect(hook.result.current.laidOut).toBe(true));
    expect(hook.result.current.positions).toEqual({ 'OBJ-1': { x: 0, y: 0 }, 'PRJ-1': { x: 400, y: 260 } });
    expect(hook.result.current.canArrange).toBe(false);
  });

  it('saves a PMO’s move for everyone', async () => {
    const { hook, api } = setup('pmo', {});
    await waitFor(() => expect(hook.result.current.laidOut).toBe(true));
    await waitFor(() => expect(hook.result.current.canArrange).toBe(true));
    act(() => hook.result.current.moveNode('PRJ-1', { x: 300, y: 300 }));
    expect(hook.result.current.positions['PRJ-1']).toEqual({ x: 300, y: 300 });
    await waitFor(() =>
      expect(api.calls.filter((c) => c.method === 'PUT')).toEqual([
        expect.objectContaining({ body: { view: 'all', positions: { 'PRJ-1': { x: 300, y: 300 } } } }),
      ]),
    );
  });

  it('keeps an executive’s move in this browser and says so, once', async () => {
    const { hook, api, toast } = setup('executive', {});
    await waitFor(() => expect(hook.result.current.laidOut).toBe(true));
    act(() => hook.result.current.moveNode('PRJ-1', { x: 300, y: 300 }));
    act(() => hook.result.current.moveNode('PRJ-1', { x: 310, y: 300 }));
    expect(hook.result.current.positions['PRJ-1']).toEqual({ x: 310, y: 300 });
    expect(toast.mock.calls).toEqual([[LOCAL_MOVES_HINT, 'info']]);
    await new Promise((resolve) => setTimeout(resolve, 600)); // past the save's pause
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('asks a PMO before a re-layout clears the arrangement everyone sees', async () => {
    const { hook, api } = setup('pmo', { 'PRJ-1': { x: 400, y: 260 } });
    await waitFor(() => expect(hook.result.current.laidOut).toBe(true));
    await waitFor(() => expect(hook.result.current.canArrange).toBe(true));
    const confirm = jest.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    try {
      act(() => hook.result.current.relayout());
      expect(confirm).toHaveBeenCalledWith(RELAYOUT_QUESTION);
      expect(api.calls.some((c) => c.method === 'DELETE')).toBe(false);
      act(() => hook.result.current.relayout());
      await waitFor(() =>
        expect(api.calls.filter((c) => c.method === 'DELETE').map((c) => c.query.get('view'))).toEqual(['all']),
      );
      await waitFor(() => expect(hook.result.current.positions).toEqual(laidOut));
    } finally {
      confirm.mockRestore();
    }
  });
});
