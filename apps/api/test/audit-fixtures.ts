import type { NodeKind } from '@throughline/domain';
import pg from 'pg';
import type { TestApp } from './harness.js';

/**
 * Direct SQL for the audit's e2e tests where the API is not the point: a writer that must commit
 * several rows atomically and fast (the concurrency test), or a second organisation (tenancy).
 * Everything else in the audit tests goes through the API.
 */
export async function connect(t: TestApp): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  return client;
}

export async function defaultOrgId(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM organisations WHERE slug = 'default'`);
  return rows[0].id;
}

export async function insertOrganisation(client: pg.Client, slug: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO organisations (slug, name) VALUES ($1, $1) RETURNING id`,
    [slug],
  );
  return rows[0].id;
}

export async function insertNode(
  client: pg.Client,
  orgId: string,
  node: { key: string; kind: NodeKind; owner?: string | null; target?: number },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO nodes (org_id, key, kind, title, owner, target, direction)
     VALUES ($1, $2, $3, $2, $4, $5, $6) RETURNING id`,
    [
      orgId,
      node.key,
      node.kind,
      node.owner === undefined ? `Owner of ${node.key}` : node.owner,
      node.kind === 'key_result' ? (node.target ?? 100) : null,
      node.kind === 'key_result' ? 'increase' : null,
    ],
  );
  return rows[0].id;
}

/** An approved link (the schema wants a decision time on every approved link). */
export async function insertLink(
  client: pg.Client,
  orgId: string,
  from: { id: string; kind: NodeKind },
  to: { id: string; kind: NodeKind },
  kind: string,
): Promise<void> {
  await client.query(
    `INSERT INTO links (org_id, from_id, from_kind, to_id, to_kind, kind, state, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'approved', now())`,
    [orgId, from.id, from.kind, to.id, to.kind, kind],
  );
}
