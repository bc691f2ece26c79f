import type { LinkKind, LinkRecord, NodeKind, NodeRecord } from '@throughline/domain';
import type { TestApp } from './harness.js';

/**
 * Builds a portfolio through the API, the way a client would, in words of the domain:
 *   const p = portfolio(t);
 *   const obj = await p.node('objective', 'OBJ-1');
 *   const kr = await p.node('key_result', 'KR-1', { target: 10 });
 *   await p.link(kr, obj);
 */
export function portfolio(t: TestApp) {
  return {
    async unit(key: string, extra: Record<string, unknown> = {}): Promise<{ id: string; key: string }> {
      const res = await t
        .http()
        .post('/api/business-units')
        .send({ key, name: `Unit ${key}`, ...extra });
      expectStatus(res, 201);
      return res.body;
    },

    async node(kind: NodeKind, key: string, extra: Record<string, unknown> = {}): Promise<NodeRecord> {
      const defaults = kind === 'key_result' ? { target: 100, baseline: 0 } : {};
      const res = await t
        .http()
        .post('/api/nodes')
        .send({ kind, key, title: `${key} title`, owner: `Owner of ${key}`, ...defaults, ...extra });
      expectStatus(res, 201);
      return res.body;
    },

    async link(
      from: { id: string },
      to: { id: string },
      kind: LinkKind = 'contributes_to',
      extra: Record<string, unknown> = {},
    ): Promise<LinkRecord> {
      const res = await t
        .http()
        .post('/api/links')
        // A proposal needs an interpretation note (its rationale); the tests that do not care get this one.
        .send({
          fromId: from.id,
          toId: to.id,
          kind,
          ...(extra.state === 'proposed' ? { rationale: 'Test note.' } : {}),
          ...extra,
        });
      expectStatus(res, 201);
      return res.body;
    },
  };
}

function expectStatus(res: { status: number; body: unknown }, status: number) {
  if (res.status !== status) {
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
}
