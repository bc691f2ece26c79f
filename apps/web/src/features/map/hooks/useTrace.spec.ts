import type { TraceView } from '@throughline/domain';
import { act, renderHook, waitFor } from '@testing-library/react';
import { mockApi } from '../../../test/mockApi';
import { providers } from '../../../test/providers';
import type { Positions } from '../layout/geometry';
import { graphLink, graphNode } from '../model/testGraph';
import { parseMapUrl } from '../useMapUrl';
import { useTrace } from './useTrace';

const trace: TraceView = {
  rootId: 'OBJ-1',
  direction: 'both',
  nodes: [graphNode('THM-1', 'theme'), graphNode('OBJ-1', 'objective'), graphNode('PRJ-1', 'project')],
  links: [graphLink('OBJ-1', 'THM-1'), graphLink('PRJ-1', 'OBJ-1')],
};
const at = { x: 0, y: 0 };

function setup(query: string, positions: Positions = {}) {
  const api = mockApi({ 'GET /graph/trace/OBJ-1': trace });
  const { wrapper } = providers();
  const setUrl = jest.fn();
  const zoomTo = jest.fn();
  const onStart = jest.fn();
  const hook = renderHook(
    (props: { query: string; positions: Positions }) =>
      useTrace({
        url: parseMapUrl(new URLSearchParams(props.query)),
        setUrl,
        positions: props.positions,
        laidOut: true,
        zoomTo,
        onStart,
      }),
    { wrapper, initialProps: { query, positions } },
  );
  return { api, hook, setUrl, zoomTo, onStart };
}

describe(useTrace.name, () => {
  it('tracing a node selects it and lets the finding go', () => {
    const { hook, setUrl, onStart } = setup('');
    act(() => hook.result.current.trace('OBJ-1'));
    expect(onStart).toHaveBeenCalled();
    expect(setUrl).toHaveBeenCalledWith({ traceId: 'OBJ-1', selectedId: 'OBJ-1' });
  });

  it('the toolbar button traces the selected node, or leaves trace mode', () => {
    let t = setup('sel=OBJ-1');
    act(() => t.hook.result.current.toggle());
    expect(t.setUrl).toHaveBeenCalledWith({ traceId: 'OBJ-1', selectedId: 'OBJ-1' });
    t = setup('');
    act(() => t.hook.result.current.toggle());
    expect(t.setUrl).not.toHaveBeenCalled();
    t = setup('trace=OBJ-1&sel=OBJ-1');
    act(() => t.hook.result.current.toggle());
    expect(t.setUrl).toHaveBeenCalledWith({ traceId: null });
  });

  it('lights the chain, sums it up and frames what is drawn of it once per traced node', async () => {
    const { hook, zoomTo } = setup('trace=OBJ-1', { 'THM-1': at, 'OBJ-1': at, OTHER: at });
    await waitFor(() => expect(hook.result.current.highlight).not.toBeNull());
    expect([...hook.result.current.highlight!.nodeIds]).toEqual(['THM-1', 'OBJ-1', 'PRJ-1']);
    expect(hook.result.current.summary?.paths.map((p) => p.map((n) => n.key))).toEqual([['THM-1', 'OBJ-1']]);
    expect(zoomTo).toHaveBeenCalledTimes(1);
    expect(zoomTo).toHaveBeenCalledWith(['THM-1', 'OBJ-1']);
    // A move (or a refetch) does not frame it again.
    hook.rerender({ query: 'trace=OBJ-1', positions: { 'THM-1': at, 'OBJ-1': { x: 9, y: 9 }, 'PRJ-1': at } });
    expect(zoomTo).toHaveBeenCalledTimes(1);
  });

  it('lights nothing outside trace mode', () => {
    const { api, hook } = setup('sel=OBJ-1');
    expect(hook.result.current.traceId).toBeNull();
    expect(hook.result.current.highlight).toBeNull();
    expect(api.calls).toHaveLength(0);
  });
});
