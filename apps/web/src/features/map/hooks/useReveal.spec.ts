import { act, renderHook } from '@testing-library/react';
import type { FitViewOptions } from '@xyflow/react';
import type { Positions } from '../layout/geometry';
import { REVEAL_FIT, useReveal } from './useReveal';

const at = { x: 0, y: 0 };

function setup(positions: Positions, laidOut = true) {
  const select = jest.fn();
  const fitView = jest.fn(async (_options: FitViewOptions) => true);
  const hook = renderHook(
    (props: { positions: Positions; laidOut: boolean }) => useReveal({ ...props, select, fitView }),
    {
      initialProps: { positions, laidOut },
    },
  );
  const framed = () => fitView.mock.calls.map(([options]) => options.nodes?.map((n) => n.id));
  return { hook, select, fitView, framed };
}

describe(useReveal.name, () => {
  it('zooms to the nodes drawn in this view and selects the first', () => {
    const { hook, select, fitView, framed } = setup({ a: at, b: at });
    act(() => hook.result.current.reveal(['a', 'b', 'elsewhere']));
    expect(select).toHaveBeenCalledWith('a', {});
    expect(framed()).toEqual([['a', 'b']]);
    expect(fitView.mock.calls[0][0]).toMatchObject(REVEAL_FIT);
    // Framed at a zoom where cards show titles, owners and health, never as far-out specks.
    expect(fitView.mock.calls[0][0]).toMatchObject({ minZoom: 0.5 });
  });

  it('opens the chain of a node the view does not draw, as a history entry, and frames it once laid out', () => {
    const { hook, select, framed } = setup({ a: at });
    act(() => hook.result.current.reveal(['far']));
    expect(select).toHaveBeenCalledWith('far', { scope: 'chain', rootId: 'far' }, { push: true });
    expect(framed()).toEqual([]);

    // The chain is being laid out: nothing to frame yet.
    hook.rerender({ positions: { a: at }, laidOut: false });
    hook.rerender({ positions: { far: at, near: at }, laidOut: false });
    expect(framed()).toEqual([]);
    // Laid out: framed once, and not again when positions change later (a move, a refetch).
    hook.rerender({ positions: { far: at, near: at }, laidOut: true });
    hook.rerender({ positions: { far: { x: 5, y: 5 }, near: at }, laidOut: true });
    expect(framed()).toEqual([['far']]);
  });

  it('expands: opens the chain even of a drawn node', () => {
    const { hook, select, framed } = setup({ s: at });
    act(() => hook.result.current.reveal(['s'], { expand: true }));
    expect(select).toHaveBeenCalledWith('s', { scope: 'chain', rootId: 's' }, { push: true });
    expect(framed()).toEqual([]);
    hook.rerender({ positions: { s: { x: 1, y: 1 }, t: at }, laidOut: true });
    expect(framed()).toEqual([['s']]);
  });

  it('selects the node it is told to, with other URL changes in the same step', () => {
    const { hook, select, framed } = setup({ a: at, b: at });
    act(() => hook.result.current.reveal(['a', 'b'], { select: 'b', also: { traceId: null } }));
    expect(select).toHaveBeenCalledWith('b', { traceId: null });
    expect(framed()).toEqual([['a', 'b']]);

    act(() => hook.result.current.reveal(['x', 'y'], { select: null, also: { traceId: null } }));
    expect(select).toHaveBeenLastCalledWith(null, { traceId: null, scope: 'chain', rootId: 'x' }, { push: true });
  });

  it('with no nodes only changes the selection', () => {
    const { hook, select, framed } = setup({ a: at });
    act(() => hook.result.current.reveal([], { select: null, also: { traceId: null } }));
    expect(select).toHaveBeenCalledWith(null, { traceId: null });
    expect(framed()).toEqual([]);
  });

  it('stays the same function when positions change, and reveals against the latest ones', () => {
    const { hook, select, framed } = setup({});
    const first = hook.result.current.reveal;
    hook.rerender({ positions: { late: at }, laidOut: true });
    expect(hook.result.current.reveal).toBe(first);
    act(() => hook.result.current.reveal(['late']));
    expect(select).toHaveBeenCalledWith('late', {});
    expect(framed()).toEqual([['late']]);
  });
});
