import type { GraphNode } from '@throughline/domain';
import type { LayoutEdge, LayoutNode, Positions } from './layoutGraph';
import { LayoutStore } from './layoutStore';

const nodes = [
  { id: 'a', kind: 'theme' },
  { id: 'b', kind: 'objective' },
] as GraphNode[];

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

/** A layouter whose answers the test releases by hand, to check what happens in between. */
function manualLayouter() {
  const calls: { nodes: LayoutNode[]; resolve: (p: Positions) => void }[] = [];
  const layouter = (n: LayoutNode[], _e: LayoutEdge[]) =>
    new Promise<{ positions: Positions; ms: number }>((resolve) =>
      calls.push({ nodes: n, resolve: (positions) => resolve({ positions, ms: 5 }) }),
    );
  return { layouter, calls };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const laidOut: Positions = { a: { x: 0, y: 0 }, b: { x: 0, y: 200 } };

describe(LayoutStore.name, () => {
  it('lays a view out once and publishes the positions', async () => {
    const { layouter, calls } = manualLayouter();
    const store = new LayoutStore(() => 'ann', memoryStorage(), layouter);
    store.ensure('all', nodes, []);
    store.ensure('all', nodes, []);
    expect(store.getSnapshot()).toMatchObject({ viewKey: 'all', status: 'pending' });
    expect(calls).toHaveLength(1);
    calls[0].resolve(laidOut);
    await flush();
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', positions: laidOut, ms: 5, layoutId: 1 });
  });

  it('keeps a user’s moves per view, across stores, until they re-layout', async () => {
    const storage = memoryStorage();
    const { layouter, calls } = manualLayouter();
    const store = new LayoutStore(() => 'ann', storage, layouter);
    store.ensure('all', nodes, []);
    calls[0].resolve(laidOut);
    await flush();
    store.move('all', 'b', { x: 40.4, y: 500 });
    expect(store.getSnapshot().positions.b).toEqual({ x: 40, y: 500 });

    // A new page for the same user and view: ELK again, then the move on top.
    const again = new LayoutStore(() => 'ann', storage, layouter);
    again.ensure('all', nodes, []);
    calls[1].resolve(laidOut);
    await flush();
    expect(again.getSnapshot().positions.b).toEqual({ x: 40, y: 500 });

    // Another user, or another view, does not see it.
    const bob = new LayoutStore(() => 'bob', storage, layouter);
    bob.ensure('all', nodes, []);
    calls[2].resolve(laidOut);
    await flush();
    expect(bob.getSnapshot().positions.b).toEqual({ x: 0, y: 200 });
    again.ensure('strategy', nodes, []);
    calls[3].resolve(laidOut);
    await flush();
    expect(again.getSnapshot().positions.b).toEqual({ x: 0, y: 200 });

    // Re-layout forgets the move.
    again.ensure('all', nodes, []);
    again.relayout('all', nodes, []);
    calls[4].resolve(laidOut);
    await flush();
    expect(again.getSnapshot().positions.b).toEqual({ x: 0, y: 200 });
    expect(storage.getItem('throughline.map.moves.v1:ann:all')).toBeNull();
  });

  it('shows a view laid out before at once, without running ELK again', async () => {
    const { layouter, calls } = manualLayouter();
    const store = new LayoutStore(() => 'ann', memoryStorage(), layouter);
    store.ensure('all', nodes, []);
    calls[0].resolve(laidOut);
    await flush();
    store.ensure('strategy', nodes, []);
    store.ensure('all', nodes, []);
    expect(store.getSnapshot()).toMatchObject({ viewKey: 'all', status: 'ready', positions: laidOut });
    expect(calls).toHaveLength(2);
  });

  it('drops the answer of a layout overtaken by another view', async () => {
    const { layouter, calls } = manualLayouter();
    const store = new LayoutStore(() => 'ann', memoryStorage(), layouter);
    store.ensure('all', nodes, []);
    store.ensure('strategy', nodes.slice(0, 1), []);
    calls[1].resolve({ a: { x: 9, y: 9 } });
    calls[0].resolve(laidOut);
    await flush();
    expect(store.getSnapshot()).toMatchObject({ viewKey: 'strategy', positions: { a: { x: 9, y: 9 } } });
  });

  it('reports a failed layout and tries again when asked', async () => {
    const layouter = jest
      .fn()
      .mockRejectedValueOnce(new Error('ELK fell over'))
      .mockResolvedValueOnce({ positions: laidOut, ms: 1 });
    const store = new LayoutStore(() => 'ann', memoryStorage(), layouter);
    store.ensure('all', nodes, []);
    await flush();
    expect(store.getSnapshot()).toMatchObject({ status: 'error', error: 'ELK fell over' });
    store.ensure('all', nodes, []);
    await flush();
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', positions: laidOut });
  });
});
