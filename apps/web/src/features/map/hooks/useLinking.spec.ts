import { act, renderHook, waitFor } from '@testing-library/react';
import { apiError, mockApi } from '../../../test/mockApi';
import { providers } from '../../../test/providers';
import { graphLink, graphNode } from '../model/testGraph';
import { useLinking } from './useLinking';

const nodes = [graphNode('OBJ-1', 'objective'), graphNode('KR-1', 'key_result'), graphNode('PRJ-1', 'project')];
const byId = new Map(nodes.map((n) => [n.id, n]));
const links = [graphLink('KR-1', 'OBJ-1')];

function setup(answer: unknown = { id: 'new' }) {
  const api = mockApi({ 'POST /links': answer });
  const { wrapper, toast } = providers();
  const hook = renderHook(() => useLinking(byId, links), { wrapper });
  return { api, toast, hook };
}

describe(useLinking.name, () => {
  it('refuses a connection the link matrix forbids, saying why, and sends nothing', () => {
    const { api, toast, hook } = setup();
    expect(hook.result.current.explainConnection('OBJ-1', 'PRJ-1')).toMatch(/objective to a project/);
    act(() =>
      hook.result.current.onConnect({ source: 'OBJ-1', target: 'PRJ-1', sourceHandle: null, targetHandle: null }),
    );
    expect(toast).toHaveBeenCalledWith(expect.stringMatching(/objective to a project/), 'error');
    expect(api.calls).toHaveLength(0);
    expect(hook.result.current.explainConnection('PRJ-1', 'nowhere')).toBe('That node is not on the map.');
  });

  it('creates the one kind that fits at once and says so', async () => {
    const { api, toast, hook } = setup();
    expect(hook.result.current.explainConnection('KR-1', 'OBJ-1')).toBe('KR-1 already contributes to OBJ-1.');
    expect(hook.result.current.explainConnection('PRJ-1', 'KR-1')).toBeNull();
    act(() =>
      hook.result.current.onConnect({ source: 'PRJ-1', target: 'KR-1', sourceHandle: null, targetHandle: null }),
    );
    await waitFor(() => expect(toast).toHaveBeenCalledWith('Linked PRJ-1 → KR-1', 'success'));
    expect(api.calls[0]).toMatchObject({
      method: 'POST',
      body: { fromId: 'PRJ-1', toId: 'KR-1', kind: 'contributes_to' },
    });
    expect(hook.result.current.chooser).toBeNull();
  });

  it('says the API refused a link, with its reason', async () => {
    const { toast, hook } = setup(apiError(409, 'LINK_CYCLE', 'it would close a cycle'));
    act(() => hook.result.current.submitLink({ fromId: 'PRJ-1', toId: 'KR-1', kind: 'contributes_to' }));
    await waitFor(() =>
      expect(toast).toHaveBeenCalledWith('The link PRJ-1 → KR-1 was refused: it would close a cycle', 'error'),
    );
  });

  it('asks which kind when several fit, and creates the chosen one', async () => {
    const programme = graphNode('PRG-1', 'programme');
    const project = graphNode('PRJ-2', 'project');
    const twoKinds = new Map([...byId, [programme.id, programme], [project.id, project]]);
    const api = mockApi({ 'POST /links': { id: 'new' } });
    const { wrapper, toast } = providers();
    const hook = renderHook(() => useLinking(twoKinds, links), { wrapper });
    act(() =>
      hook.result.current.onConnect({ source: 'PRJ-2', target: 'PRG-1', sourceHandle: null, targetHandle: null }),
    );
    const choice = hook.result.current.chooser;
    expect(choice?.kinds.length).toBeGreaterThan(1);
    expect(api.calls).toHaveLength(0);

    act(() => hook.result.current.submitLink({ fromId: 'PRJ-2', toId: 'PRG-1', kind: choice!.kinds[1] }));
    expect(hook.result.current.chooser).toBeNull();
    await waitFor(() => expect(toast).toHaveBeenCalledWith('Linked PRJ-2 → PRG-1', 'success'));
    expect(api.calls[0].body).toMatchObject({ kind: choice!.kinds[1] });
  });
});
