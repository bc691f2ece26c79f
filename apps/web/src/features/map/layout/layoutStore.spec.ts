import type { GraphNode } from '@throughline/domain';
import type { LayoutEdge, LayoutNode, Positions } from './layoutGraph';
import { LayoutStore, SAVE_DEBOUNCE_MS, type SharedArrangement } from './layoutStore';

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

    // A new page for the same user and view: laid out again, then the move on top.
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

  it('shows a view laid out before at once, without laying it out again', async () => {
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
      .mockRejectedValueOnce(new Error('the layout fell over'))
      .mockResolvedValueOnce({ positions: laidOut, ms: 1 });
    const store = new LayoutStore(() => 'ann', memoryStorage(), layouter);
    store.ensure('all', nodes, []);
    await flush();
    expect(store.getSnapshot()).toMatchObject({ status: 'error', error: 'the layout fell over' });
    store.ensure('all', nodes, []);
    await flush();
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', positions: laidOut });
  });

  /** A server that records what it was asked and answers when the test says. */
  function fakeServer() {
    const saves: { view: string; positions: Positions }[] = [];
    const clears: string[] = [];
    let failing = false;
    const sharer: SharedArrangement = {
      save: async (view, positions) => {
        if (failing) throw new Error('offline');
        saves.push({ view, positions });
      },
      clear: async (view) => void clears.push(view),
    };
    return { sharer, saves, clears, fail: (on: boolean) => (failing = on) };
  }

  async function readyStore(storage = memoryStorage()) {
    const { layouter, calls } = manualLayouter();
    const store = new LayoutStore(() => 'pam', storage, layouter);
    store.ensure('all', nodes, []);
    calls[0].resolve(laidOut);
    await flush();
    return { store, calls, storage };
  }

  it('puts the organisation’s arrangement on top of the layout, pinned, without a new fit', async () => {
    const { store } = await readyStore();
    store.setShared('all', { b: { x: 700, y: 30 } });
    expect(store.getSnapshot()).toMatchObject({ positions: { a: { x: 0, y: 0 }, b: { x: 700, y: 30 } }, layoutId: 1 });
    expect([...store.getSnapshot().pinned]).toEqual(['b']);
    // Another view's arrangement does not show here; it is there when that view is shown.
    store.setShared('strategy', { a: { x: 5, y: 5 } });
    expect(store.getSnapshot().positions.a).toEqual({ x: 0, y: 0 });
  });

  it('saves a PMO’s moves to the arrangement, several in one request after a pause, and keeps them shown', async () => {
    const { store, storage } = await readyStore();
    jest.useFakeTimers();
    try {
      const server = fakeServer();
      store.shareWith(server.sharer);
      store.move('all', 'a', { x: 10, y: 10 });
      store.move('all', 'b', { x: 20, y: 420 });
      expect(server.saves).toHaveLength(0);
      expect(store.getSnapshot().positions.b).toEqual({ x: 20, y: 420 });
      await jest.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS);
      expect(server.saves).toEqual([{ view: 'all', positions: { a: { x: 10, y: 10 }, b: { x: 20, y: 420 } } }]);
      expect(store.getSnapshot()).toMatchObject({ saving: 'idle', positions: { b: { x: 20, y: 420 } } });
      // Saved: now the arrangement's, not the session's (a later arrangement from another PMO shows through).
      expect(storage.getItem('throughline.map.moves.v1:pam:all')).toBeNull();
      store.setShared('all', { b: { x: 99, y: 99 } });
      expect(store.getSnapshot().positions.b).toEqual({ x: 99, y: 99 });
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps a PMO’s moves on this device while the server cannot be reached, and saves them later', async () => {
    const { store } = await readyStore();
    jest.useFakeTimers();
    try {
      const server = fakeServer();
      store.shareWith(server.sharer);
      server.fail(true);
      store.move('all', 'b', { x: 20, y: 420 });
      await jest.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS);
      expect(store.getSnapshot()).toMatchObject({ saving: 'failed', positions: { b: { x: 20, y: 420 } } });
      server.fail(false);
      store.move('all', 'a', { x: 1, y: 1 });
      await jest.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS);
      expect(server.saves).toEqual([{ view: 'all', positions: { a: { x: 1, y: 1 }, b: { x: 20, y: 420 } } }]);
      expect(store.getSnapshot().saving).toBe('idle');
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps the moves of someone who may not arrange the map for this session only, on top of the arrangement', async () => {
    const { store, storage } = await readyStore();
    store.setShared('all', { b: { x: 700, y: 30 } });
    store.move('all', 'b', { x: 1, y: 2 });
    await store.flush();
    expect(store.getSnapshot().positions.b).toEqual({ x: 1, y: 2 });
    expect(storage.getItem('throughline.map.moves.v1:pam:all')).toBe(JSON.stringify({ b: { x: 1, y: 2 } }));
    expect([...store.getSnapshot().pinned].sort()).toEqual(['b']);
  });

  it('re-layout by a PMO clears the arrangement on the server; by anyone else, only their own moves', async () => {
    const { store, calls } = await readyStore();
    store.setShared('all', { b: { x: 700, y: 30 } });
    store.move('all', 'a', { x: 3, y: 3 });
    store.relayout('all', nodes, []);
    calls[1].resolve(laidOut);
    await flush();
    expect(store.getSnapshot().positions).toEqual({ a: { x: 0, y: 0 }, b: { x: 700, y: 30 } });

    const server = fakeServer();
    store.shareWith(server.sharer);
    store.relayout('all', nodes, []);
    calls[2].resolve(laidOut);
    await flush();
    expect(server.clears).toEqual(['all']);
    expect(store.getSnapshot()).toMatchObject({ positions: laidOut, pinned: new Set() });
  });
});
