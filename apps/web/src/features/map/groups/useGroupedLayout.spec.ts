import type { BusinessUnitRecord, GraphNode } from '@throughline/domain';
import { act, renderHook } from '@testing-library/react';
import { NODE_HEIGHT, NODE_WIDTH, TREE_GAP, type Positions } from '../layout/geometry';
import type { MapLayout } from '../hooks/useMapLayout';
import { buildGroups, groupBox } from '../model/groups';
import { graphNode } from '../model/testGraph';
import { useGroupedLayout } from './useGroupedLayout';

const unit = (id: string, name: string) => ({ id, key: id, name, parentId: null }) as unknown as BusinessUnitRecord;
const units = [unit('a', 'Alpha'), unit('b', 'Beta')];
const project = (key: string, unitId: string) => graphNode(key, 'project', { businessUnitId: unitId });

// Unit Alpha's box (two cards in a row), and unit Beta's to its right, as the grouped layout packs them.
const nodes: GraphNode[] = [project('A1', 'a'), project('A2', 'a'), project('B1', 'b')];
const laidOut: Positions = { A1: { x: 32, y: 96 }, A2: { x: 320, y: 96 }, B1: { x: 32 + 612 + TREE_GAP, y: 96 } };

function fakeLayout(placed: Positions): MapLayout {
  return {
    positions: placed,
    placed,
    pinned: new Set<string>(),
    laidOut: true,
    readyKey: 'all#1',
    pending: false,
    error: null,
    ms: 1,
    canArrange: true,
    moveNode: jest.fn(),
    placeNew: jest.fn(),
    relayout: jest.fn(),
  };
}

function setup(collapsed: ReadonlySet<string> = new Set()) {
  const layout = fakeLayout(laidOut);
  const props = { drawn: { nodes, links: [] as never[] }, collapsed, layout };
  const hook = renderHook(
    (p: typeof props) =>
      useGroupedLayout(
        { model: buildGroups('unit', p.drawn.nodes, [], units), collapsed: p.collapsed },
        p.drawn,
        p.layout,
      ),
    { initialProps: props },
  );
  return { layout, hook, props };
}

describe(useGroupedLayout.name, () => {
  it('is the layout itself when the map is not grouped', () => {
    const layout = fakeLayout(laidOut);
    const { result } = renderHook(() =>
      useGroupedLayout({ model: null, collapsed: new Set() }, { nodes, links: [] }, layout),
    );
    expect(result.current).toBe(layout);
  });

  it('draws the boxes after a collapsed one closed up, and keeps a card dragged meanwhile where it goes with all open', () => {
    const { layout, hook } = setup(new Set(['group:unit:a']));
    const shrunk = groupBox(['A1', 'A2'], laidOut)!.width - NODE_WIDTH;
    expect(hook.result.current.positions.B1).toEqual({ x: laidOut.B1.x - shrunk, y: laidOut.B1.y });
    // Dragged 10 to the right as drawn: kept 10 right of where it is with every group open.
    act(() => hook.result.current.moveNode('B1', { x: laidOut.B1.x - shrunk + 10, y: laidOut.B1.y }));
    expect(layout.moveNode).toHaveBeenCalledWith('B1', { x: laidOut.B1.x + 10, y: laidOut.B1.y });
  });

  it('places a node made on the map with its group instead of pinning it where it was made', () => {
    const { layout, hook, props } = setup();
    // Made beside B1 (the node selected then), but of unit Alpha: it belongs in Alpha's box.
    act(() => hook.result.current.placeNew('NEW', { x: laidOut.B1.x, y: laidOut.B1.y + 200 }));
    expect(layout.moveNode).not.toHaveBeenCalled();
    expect(layout.placeNew).not.toHaveBeenCalled();
    const drawn = { nodes: [...nodes, project('NEW', 'a')], links: [] };
    hook.rerender({ ...props, drawn });
    const at = hook.result.current.positions.NEW;
    const alpha = groupBox(['A1', 'A2', 'NEW'], hook.result.current.positions)!;
    const beta = groupBox(['B1'], hook.result.current.positions)!;
    expect(alpha.x + alpha.width).toBeLessThanOrEqual(beta.x);
    expect(at.y).toBeGreaterThanOrEqual(laidOut.A1.y);
    expect(at.y).toBeLessThanOrEqual(laidOut.A1.y + NODE_HEIGHT + 80);
  });
});
