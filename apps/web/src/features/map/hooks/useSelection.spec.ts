import { act, renderHook } from '@testing-library/react';
import { parseMapUrl } from '../useMapUrl';
import { useSelection } from './useSelection';

function setup(query = '') {
  const setUrl = jest.fn();
  const hook = renderHook(() => useSelection(parseMapUrl(new URLSearchParams(query)), setUrl));
  return { hook, setUrl };
}

describe(useSelection.name, () => {
  it('reads the selected node from the URL', () => {
    expect(setup('sel=n1').hook.result.current.selectedId).toBe('n1');
    expect(setup().hook.result.current.selectedId).toBeNull();
  });

  it('selecting a node closes the new-node form; deselecting leaves it open', () => {
    const { hook, setUrl } = setup();
    act(() => hook.result.current.startNew('project'));
    expect(hook.result.current.newKind).toBe('project');

    act(() => hook.result.current.select(null));
    expect(setUrl).toHaveBeenLastCalledWith({ selectedId: null }, undefined);
    expect(hook.result.current.newKind).toBe('project');

    act(() => hook.result.current.select('n1'));
    expect(setUrl).toHaveBeenLastCalledWith({ selectedId: 'n1' }, undefined);
    expect(hook.result.current.newKind).toBeNull();
  });

  it('joins other URL changes to the selection, in one step', () => {
    const { hook, setUrl } = setup();
    act(() =>
      hook.result.current.select('n1', { scope: 'chain', rootId: 'n1', selectedId: 'ignored' }, { push: true }),
    );
    expect(setUrl).toHaveBeenCalledTimes(1);
    expect(setUrl).toHaveBeenCalledWith({ scope: 'chain', rootId: 'n1', selectedId: 'n1' }, { push: true });
  });

  it('holds the selected link apart from the node', () => {
    const { hook, setUrl } = setup('sel=n1');
    act(() => hook.result.current.selectEdge('l1'));
    expect(hook.result.current.selectedEdge).toBe('l1');
    expect(hook.result.current.selectedId).toBe('n1');
    expect(setUrl).not.toHaveBeenCalled();
  });

  it('keeps its functions across renders', () => {
    const { hook } = setup();
    const { select, selectEdge, startNew, closeNew } = hook.result.current;
    act(() => hook.result.current.startNew('bau'));
    expect(hook.result.current).toMatchObject({ select, selectEdge, startNew, closeNew });
  });
});
