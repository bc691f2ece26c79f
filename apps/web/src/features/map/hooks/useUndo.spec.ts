import { act, renderHook, waitFor } from '@testing-library/react';
import { apiError, mockApi } from '../../../test/mockApi';
import { providers } from '../../../test/providers';
import { useUndo } from './useUndo';

function setup(routes: Record<string, unknown>) {
  const api = mockApi(routes);
  const { wrapper, toast } = providers();
  const moveNode = jest.fn();
  const dropDraft = jest.fn();
  const hook = renderHook(() => useUndo(moveNode, dropDraft), { wrapper });
  return { api, toast, hook, moveNode, dropDraft };
}
const calls = (api: ReturnType<typeof mockApi>) => api.calls.map((c) => `${c.method} ${c.path}`);

describe(useUndo.name, () => {
  it('undoes a delete by restoring the node through the API, and redoes it by deleting again', async () => {
    const { api, hook, toast } = setup({
      'POST /nodes/n1/restore': { node: { id: 'n1', key: 'PRJ-1' }, restoredLinkIds: ['l1'], skippedLinks: [] },
      'DELETE /nodes/n1': () => undefined,
    });
    expect(hook.result.current.undoLabel).toBeUndefined();
    act(() => hook.result.current.record({ type: 'delete-node', id: 'n1', key: 'PRJ-1' }));
    expect(hook.result.current.undoLabel).toBe('delete PRJ-1');
    act(() => hook.result.current.undo());
    await waitFor(() => expect(toast).toHaveBeenCalledWith('Undone: delete PRJ-1', 'success'));
    expect(calls(api)).toEqual(['POST /nodes/n1/restore']);
    expect(hook.result.current.undoLabel).toBeUndefined();
    expect(hook.result.current.redoLabel).toBe('delete PRJ-1');
    act(() => hook.result.current.redo());
    await waitFor(() => expect(toast).toHaveBeenCalledWith('Redone: delete PRJ-1', 'success'));
    expect(calls(api)).toEqual(['POST /nodes/n1/restore', 'DELETE /nodes/n1']);
  });

  it('undoes an edit with the previous values and the version the edit made, and carries the new version', async () => {
    const { api, hook } = setup({
      'PATCH /nodes/n1': (r: { body: { version: number } }) => ({
        id: 'n1',
        key: 'OBJ-1',
        version: r.body.version + 1,
      }),
    });
    act(() =>
      hook.result.current.record({
        type: 'edit-node',
        id: 'n1',
        key: 'OBJ-1',
        before: { title: 'Old', owner: null },
        after: { title: 'New', owner: 'Ann' },
        version: 4,
      }),
    );
    act(() => hook.result.current.undo());
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(api.calls[0].body).toEqual({ title: 'Old', owner: null, version: 4 });
    await waitFor(() => expect(hook.result.current.redoLabel).toBe('edit OBJ-1'));
    act(() => hook.result.current.redo());
    await waitFor(() => expect(api.calls).toHaveLength(2));
    expect(api.calls[1].body).toEqual({ title: 'New', owner: 'Ann', version: 5 });
  });

  it('says plainly when an undo is refused because someone changed the node since, and keeps it to retry', async () => {
    const { hook, toast } = setup({ 'PATCH /nodes/n1': apiError(409, 'VERSION_CONFLICT', 'changed') });
    act(() =>
      hook.result.current.record({ type: 'edit-node', id: 'n1', key: 'OBJ-1', before: {}, after: {}, version: 1 }),
    );
    act(() => hook.result.current.undo());
    await waitFor(() =>
      expect(toast).toHaveBeenCalledWith(
        'Could not undo “edit OBJ-1”: someone changed it since. Open it to see their version.',
        'error',
      ),
    );
    expect(hook.result.current.undoLabel).toBe('edit OBJ-1');
  });

  it('undoes a link by deleting it and a create by deleting the node; moves go back without the API', async () => {
    const { api, hook, moveNode, dropDraft } = setup({
      'DELETE /links/l1': () => undefined,
      'DELETE /nodes/n2': () => undefined,
    });
    act(() => hook.result.current.record({ type: 'create-node', id: 'n2', key: 'PRJ-2' }));
    act(() =>
      hook.result.current.record({
        type: 'create-link',
        id: 'l1',
        label: 'PRJ-2 → OBJ-1',
        link: { fromId: 'n2', toId: 'o1', kind: 'contributes_to' },
      }),
    );
    act(() =>
      hook.result.current.record({
        type: 'move-node',
        id: 'n2',
        key: 'PRJ-2',
        before: { x: 1, y: 2 },
        after: { x: 5, y: 5 },
      }),
    );
    act(() => hook.result.current.undo());
    await waitFor(() => expect(moveNode).toHaveBeenCalledWith('n2', { x: 1, y: 2 }));
    await waitFor(() => expect(hook.result.current.undoLabel).toBe('link PRJ-2 → OBJ-1'));
    act(() => hook.result.current.undo());
    await waitFor(() => expect(hook.result.current.undoLabel).toBe('create PRJ-2'));
    act(() => hook.result.current.undo());
    await waitFor(() => expect(dropDraft).toHaveBeenCalledWith('n2'));
    expect(calls(api)).toEqual(['DELETE /links/l1', 'DELETE /nodes/n2']);
  });
});
