import { act, renderHook, waitFor } from '@testing-library/react';
import { apiError, mockApi } from '../../../test/mockApi';
import { providers } from '../../../test/providers';
import { graphLink, graphNode } from '../model/testGraph';
import { useLinking } from './useLinking';

const nodes = [graphNode('OBJ-1', 'objective'), graphNode('KR-1', 'key_result'), graphNode('PRJ-1', 'project')];
const byId = new Map(nodes.map((n) => [n.id, n]));
const links = [graphLink('KR-1', 'OBJ-1')];
const saved = (state: string) => ({ id: 'new', fromId: 'PRJ-1', toId: 'KR-1', kind: 'contributes_to', state });

function setup(answer: unknown = saved('approved'), alwaysProposed = false) {
  const api = mockApi({ 'POST /links': answer });
  const { wrapper, toast } = providers();
  const onLinked = jest.fn();
  const hook = renderHook(() => useLinking(byId, links, { alwaysProposed, onLinked }), { wrapper });
  return { api, toast, hook, onLinked };
}

describe(useLinking.name, () => {
  it('refuses a connection the link matrix forbids, in plain words, and sends nothing', () => {
    const { api, toast, hook } = setup();
    expect(hook.result.current.explainConnection('OBJ-1', 'PRJ-1')).toContain(
      'OBJ-1 (an objective) cannot link to PRJ-1 (a project).',
    );
    act(() =>
      hook.result.current.onConnect({ source: 'OBJ-1', target: 'PRJ-1', sourceHandle: null, targetHandle: null }),
    );
    expect(toast).toHaveBeenCalledWith(expect.stringContaining('link from PRJ-1 to OBJ-1 instead'), 'error');
    expect(toast).not.toHaveBeenCalledWith(expect.stringMatching(/contributes_to|allowed:/), 'error');
    expect(api.calls).toHaveLength(0);
    expect(hook.result.current.explainConnection('PRJ-1', 'nowhere')).toBe('That node is not on the map.');
  });

  it('creates the one kind that fits at once and says it is linked', async () => {
    const { api, toast, hook, onLinked } = setup();
    expect(hook.result.current.explainConnection('KR-1', 'OBJ-1')).toBe('KR-1 already contributes to OBJ-1.');
    act(() =>
      hook.result.current.onConnect({ source: 'PRJ-1', target: 'KR-1', sourceHandle: null, targetHandle: null }),
    );
    await waitFor(() => expect(toast).toHaveBeenCalledWith('Linked PRJ-1 → KR-1', 'success'));
    expect(api.calls[0]).toMatchObject({
      method: 'POST',
      body: { fromId: 'PRJ-1', toId: 'KR-1', kind: 'contributes_to' },
    });
    // Redo sends the same link again, and never asks for 'approved' (approval is the role's).
    expect(onLinked).toHaveBeenCalledWith({
      id: 'new',
      label: 'PRJ-1 → KR-1',
      link: { fromId: 'PRJ-1', toId: 'KR-1', kind: 'contributes_to' },
    });
    expect(hook.result.current.request).toBeNull();
  });

  it('says a link the API stored as a proposal was only proposed', async () => {
    const { toast, hook } = setup(saved('proposed'));
    act(() => hook.result.current.submitLink({ fromId: 'PRJ-1', toId: 'KR-1', kind: 'contributes_to' }));
    await waitFor(() =>
      expect(toast).toHaveBeenCalledWith('Proposed PRJ-1 → KR-1 — waiting for a PMO to approve it', 'success'),
    );
  });

  it('says the API refused a link in plain words', async () => {
    const { toast, hook } = setup(apiError(409, 'LINK_CYCLE', 'A contributes_to link would close a cycle'));
    act(() => hook.result.current.submitLink({ fromId: 'PRJ-1', toId: 'KR-1', kind: 'contributes_to' }));
    await waitFor(() =>
      expect(toast).toHaveBeenCalledWith(
        'PRJ-1 → KR-1 was not linked: KR-1 already sits below PRJ-1 in the chain, so this link would make a loop.',
        'error',
      ),
    );
  });

  it('asks through the dialog when several kinds fit or the role only proposes', () => {
    const programme = graphNode('PRG-1', 'programme');
    const project = graphNode('PRJ-2', 'project');
    const twoKinds = new Map([...byId, [programme.id, programme], [project.id, project]]);
    const api = mockApi({});
    const { wrapper } = providers();
    const hook = renderHook(() => useLinking(twoKinds, links, { alwaysProposed: false }), { wrapper });
    act(() =>
      hook.result.current.onConnect({ source: 'PRJ-2', target: 'PRG-1', sourceHandle: null, targetHandle: null }),
    );
    expect(hook.result.current.request).toMatchObject({ from: { key: 'PRJ-2' }, to: { key: 'PRG-1' } });
    expect(api.calls).toHaveLength(0);

    const contributor = setup(saved('proposed'), true);
    act(() =>
      contributor.hook.result.current.onConnect({
        source: 'PRJ-1',
        target: 'KR-1',
        sourceHandle: null,
        targetHandle: null,
      }),
    );
    expect(contributor.hook.result.current.request).toMatchObject({ to: { key: 'KR-1' } });
    expect(contributor.api.calls).toHaveLength(0);
  });

  it('opens the picker from a node', () => {
    const { hook } = setup();
    act(() => hook.result.current.openPicker(byId.get('PRJ-1')!));
    expect(hook.result.current.request).toEqual({ from: byId.get('PRJ-1') });
    act(() => hook.result.current.cancel());
    expect(hook.result.current.request).toBeNull();
  });
});
