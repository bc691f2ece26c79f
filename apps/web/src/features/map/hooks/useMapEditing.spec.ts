import type { NodeRecord } from '@throughline/domain';
import { act, renderHook, waitFor } from '@testing-library/react';
import { apiError, mockApi } from '../../../test/mockApi';
import { providers } from '../../../test/providers';
import { NODE_HEIGHT, NODE_WIDTH, ROW_GAP, type Positions } from '../layout/geometry';
import { graphLink, graphNode } from '../model/testGraph';
import { useMapEditing } from './useMapEditing';

const nodes = [graphNode('OBJ-1', 'objective'), graphNode('PRJ-1', 'project')];
const links = [graphLink('PRJ-1', 'OBJ-1')];

function setup(routes: Record<string, unknown> = {}, traceId: string | null = null, anchor: string | null = null) {
  const api = mockApi(routes);
  const { wrapper, toast } = providers();
  const f = {
    addDraft: jest.fn(),
    dropDraft: jest.fn(),
    moveNode: jest.fn(),
    select: jest.fn(),
    selectEdge: jest.fn(),
    record: jest.fn(),
    offerLink: jest.fn(),
    screenToFlowPosition: jest.fn(({ x, y }: { x: number; y: number }) => ({ x: x * 10, y: y * 10 })),
  };
  const positions: Positions = { 'OBJ-1': { x: 0, y: 0 } };
  const stage = { current: document.createElement('div') };
  stage.current.getBoundingClientRect = () => ({ left: 100, top: 50, width: 200, height: 100 }) as DOMRect;
  const hook = renderHook(
    () =>
      useMapEditing({
        drawing: { nodesById: new Map(nodes.map((n) => [n.id, n])), graph: { nodes, links }, ...f },
        layout: { positions, moveNode: f.moveNode },
        selection: { select: f.select, selectEdge: f.selectEdge, selectedId: anchor },
        traceId,
        stage,
        screenToFlowPosition: f.screenToFlowPosition,
        record: f.record,
        offerLink: f.offerLink,
      }),
    { wrapper },
  );
  return { api, toast, hook, f };
}

describe(useMapEditing.name, () => {
  it('places a created node where the user is looking, draws it and selects it', () => {
    const { hook, f } = setup();
    const record = { ...graphNode('PRJ-2', 'project'), description: null } as unknown as NodeRecord;
    act(() => hook.result.current.onCreated(record));
    // The stage's centre (200, 100) on the map is (2000, 1000); the card is centred there.
    expect(f.moveNode).toHaveBeenCalledWith('PRJ-2', { x: 2000 - NODE_WIDTH / 2, y: 1000 - NODE_HEIGHT / 2 });
    expect(f.addDraft).toHaveBeenCalledWith(expect.objectContaining({ id: 'PRJ-2', key: 'PRJ-2', kind: 'project' }));
    expect(f.select).toHaveBeenCalledWith('PRJ-2');
    expect(f.record).toHaveBeenCalledWith({ type: 'create-node', id: 'PRJ-2', key: 'PRJ-2' });
  });

  it('places a node made while another was selected below what it serves, and offers the link between them', () => {
    const { hook, f } = setup({}, null, 'OBJ-1');
    const record = { ...graphNode('PRJ-2', 'project'), description: null } as unknown as NodeRecord;
    act(() => hook.result.current.onCreated(record));
    // OBJ-1 sits at (0, 0): a project serves an objective, so it goes one row below.
    expect(f.moveNode).toHaveBeenCalledWith('PRJ-2', { x: 0, y: NODE_HEIGHT + ROW_GAP });
    expect(f.offerLink).toHaveBeenCalledWith(
      expect.objectContaining({ key: 'PRJ-2' }),
      expect.objectContaining({ key: 'OBJ-1' }),
    );
  });

  it('asks before deleting: the selected link first, else the selected node, else nothing', () => {
    const { hook } = setup();
    act(() => void hook.result.current.requestDeleteSelection(links[0].id, 'OBJ-1'));
    expect(hook.result.current.deleting).toEqual({ type: 'link', link: links[0] });
    act(() => hook.result.current.cancelDelete());
    act(() => void hook.result.current.requestDeleteSelection('gone', 'OBJ-1'));
    expect(hook.result.current.deleting).toEqual({ type: 'node', node: nodes[0] });
    act(() => hook.result.current.cancelDelete());
    let asked = true;
    act(() => void (asked = hook.result.current.requestDeleteSelection(null, null)));
    expect(asked).toBe(false);
    expect(hook.result.current.deleting).toBeNull();
  });

  it('deletes a confirmed node: says so, forgets its draft, deselects and leaves its trace', async () => {
    const { api, toast, hook, f } = setup({ 'DELETE /nodes/OBJ-1': () => undefined }, 'OBJ-1');
    act(() => hook.result.current.requestDelete('OBJ-1'));
    act(() => hook.result.current.confirmDelete());
    await waitFor(() => expect(hook.result.current.deleting).toBeNull());
    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toContain('DELETE /nodes/OBJ-1');
    expect(toast).toHaveBeenCalledWith('OBJ-1 deleted — Ctrl+Z brings it back with its links', 'success');
    expect(f.record).toHaveBeenCalledWith({ type: 'delete-node', id: 'OBJ-1', key: 'OBJ-1' });
    expect(f.dropDraft).toHaveBeenCalledWith('OBJ-1');
    expect(f.select).toHaveBeenCalledWith(null, { traceId: null });
  });

  it('keeps another node traced when deleting, and says why a deletion failed', async () => {
    const { toast, hook, f } = setup(
      { 'DELETE /nodes/OBJ-1': apiError(409, 'VERSION_CONFLICT', 'someone changed it') },
      'PRJ-1',
    );
    act(() => hook.result.current.requestDelete('OBJ-1'));
    act(() => hook.result.current.confirmDelete());
    await waitFor(() => expect(toast).toHaveBeenCalledWith('someone changed it', 'error'));
    await waitFor(() => expect(hook.result.current.deleting).toBeNull());
    expect(f.select).not.toHaveBeenCalled();
  });

  it('deletes a confirmed link and deselects it', async () => {
    const { api, hook, f } = setup({ [`DELETE /links/${encodeURIComponent(links[0].id)}`]: () => undefined });
    act(() => void hook.result.current.requestDeleteSelection(links[0].id, null));
    act(() => hook.result.current.confirmDelete());
    await waitFor(() => expect(f.selectEdge).toHaveBeenCalledWith(null));
    expect(api.calls[0].method).toBe('DELETE');
    expect(f.record).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'delete-link',
        id: links[0].id,
        link: expect.objectContaining({ kind: 'contributes_to' }),
      }),
    );
  });
});
