import type { BusinessUnitRecord } from '@throughline/domain';
import { act, renderHook } from '@testing-library/react';
import type { DrawnGraph, MapFilters } from '../model/filters';
import { graphLink, graphNode } from '../model/testGraph';
import { useDrawnGraph } from './useDrawnGraph';

const units: BusinessUnitRecord[] = [];
const view: DrawnGraph = {
  nodes: [graphNode('OBJ-1', 'objective'), graphNode('PRJ-1', 'project')],
  links: [graphLink('PRJ-1', 'OBJ-1')],
};
const keys = (g: DrawnGraph) => g.nodes.map((n) => n.key);

function setup(filters: MapFilters) {
  return renderHook(
    (props: { view: DrawnGraph; filters: MapFilters }) => useDrawnGraph(props.view, props.filters, units),
    {
      initialProps: { view, filters },
    },
  );
}

describe(useDrawnGraph.name, () => {
  it('draws the view through the filters, and looks names up in all of it', () => {
    const hook = setup({ kind: 'objective' });
    expect(keys(hook.result.current.drawn)).toEqual(['OBJ-1']);
    expect([...hook.result.current.nodesById.keys()]).toEqual(['OBJ-1', 'PRJ-1']);
  });

  it('draws a node created here whatever the filters until the view holds it; then the filters decide', () => {
    const hook = setup({ kind: 'objective' });
    const draft = graphNode('PRJ-2', 'project');
    act(() => hook.result.current.addDraft(draft));
    expect(keys(hook.result.current.drawn)).toEqual(['OBJ-1', 'PRJ-2']);
    expect(hook.result.current.nodesById.get('PRJ-2')).toBe(draft);

    // The view is refetched with the new node (and its link): the filter hides it like any project.
    const refetched = { nodes: [...view.nodes, draft], links: [...view.links, graphLink('PRJ-2', 'OBJ-1')] };
    hook.rerender({ view: refetched, filters: { kind: 'objective' } });
    expect(keys(hook.result.current.drawn)).toEqual(['OBJ-1']);
    hook.rerender({ view: refetched, filters: {} });
    expect(keys(hook.result.current.drawn)).toEqual(['OBJ-1', 'PRJ-1', 'PRJ-2']);
  });

  it('draws the links between drafts and drawn nodes, never rejected ones; a dropped draft goes', () => {
    const hook = setup({});
    const draft = graphNode('PRJ-2', 'project');
    act(() => hook.result.current.addDraft(draft));
    const linked = {
      nodes: view.nodes,
      links: [
        ...view.links,
        graphLink('PRJ-2', 'OBJ-1'),
        graphLink('PRJ-2', 'PRJ-1', 'depends_on', { state: 'rejected' }),
      ],
    };
    hook.rerender({ view: linked, filters: {} });
    expect(hook.result.current.drawn.links.map((l) => l.id)).toEqual([
      'PRJ-1>OBJ-1:contributes_to',
      'PRJ-2>OBJ-1:contributes_to',
    ]);
    act(() => hook.result.current.dropDraft('PRJ-2'));
    expect(keys(hook.result.current.drawn)).toEqual(['OBJ-1', 'PRJ-1']);
  });
});
