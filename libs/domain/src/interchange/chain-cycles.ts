// Chain cycles once a document's links are merged with the organisation's.

/**
 * Cycles among the document's chain links merged with the organisation's. Iterative DFS (a
 * large document has hundreds of thousands of links); each cycle is reported once, at the
 * document link that closes it.
 */
export function chainCycles(
  links: { from: string; to: string; path: string }[],
  existingLinks: readonly (readonly [string, string])[],
): { path: string; keys: string[] }[] {
  const next = new Map<string, { to: string; path?: string }[]>();
  const add = (from: string, to: string, path?: string) => {
    const out = next.get(from);
    if (out) out.push({ to, path });
    else next.set(from, [{ to, path }]);
  };
  for (const [from, to] of existingLinks) add(from, to);
  for (const link of links) add(link.from, link.to, link.path);
  const state = new Map<string, 1 | 2>(); // 1 on the stack, 2 done
  const cycles: { path: string; keys: string[] }[] = [];
  for (const start of next.keys()) {
    if (state.has(start)) continue;
    const stack: { id: string; edge: number }[] = [{ id: start, edge: 0 }];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const out = next.get(top.id) ?? [];
      if (top.edge >= out.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const edge = out[top.edge++];
      const seen = state.get(edge.to);
      if (seen === undefined) {
        state.set(edge.to, 1);
        stack.push({ id: edge.to, edge: 0 });
      } else if (seen === 1) {
        const ring = stack.slice(stack.findIndex((frame) => frame.id === edge.to)).map((frame) => frame.id);
        const closing = edge.path ? { from: top.id, path: edge.path } : documentLinkOn(ring, next);
        // Start the story at the document link that closes the cycle: "A → B → A" for the link A → B.
        const start = closing ? ring.indexOf(closing.from) : 0;
        const keys = [...ring.slice(start), ...ring.slice(0, start)];
        cycles.push({ path: closing?.path ?? '$.links', keys: [...keys, keys[0]] });
      }
    }
  }
  return cycles;
}

/** A document link on the cycle (the edge that closed it in the search may be one already stored). */
function documentLinkOn(
  ring: string[],
  next: Map<string, { to: string; path?: string }[]>,
): { from: string; path: string } | undefined {
  for (let i = 0; i < ring.length; i++) {
    const to = ring[(i + 1) % ring.length];
    const edge = (next.get(ring[i]) ?? []).find((e) => e.to === to && e.path);
    if (edge?.path) return { from: ring[i], path: edge.path };
  }
  return undefined;
}
