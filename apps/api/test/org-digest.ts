import type { DataSource } from 'typeorm';

/**
 * Tables whose rows change without anyone changing the organisation: a session's `last_seen_at` moves on
 * every authenticated request (reading is not writing).
 */
const NOT_COMPARED = new Set(['sessions']);

/** Tables rows are only ever added to, by an `id` that grows (migrations: change_log's grants are SELECT, INSERT). */
const APPEND_ONLY = new Set(['change_log']);

/**
 * A digest of everything the given organisations hold, per organisation and table: every table with an `org_id`
 * column (read from the catalog, so a new table is covered without editing this) plus the organisations' own rows
 * (settings, audit thresholds). Each is the row count and an order-independent sum of 64-bit hashes of whole rows,
 * read as the owner, past row-level security, in one statement. Equal digests: nothing was added, removed or changed.
 */
export async function orgDigest(owner: DataSource, orgIds: string[]): Promise<Record<string, string>> {
  const tables = await tenantTables(owner);
  const digest = (source: string, orgColumn: string) => {
    // The change log is append-only (the API's role may not update or delete it): its count and newest id say all,
    // without hashing every entry's before/after JSON on each call.
    const value = APPEND_ONLY.has(source)
      ? `count(*) || ':' || coalesce(max(x.id), 0)`
      : `count(*) || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0)`;
    return `SELECT '${source}' AS t, x.${orgColumn}::text AS org, ${value} AS d
       FROM "${source}" x WHERE x.${orgColumn} = ANY($1::uuid[]) GROUP BY x.${orgColumn}`;
  };
  const parts = [digest('organisations', 'id'), ...tables.map((table) => digest(table, 'org_id'))];
  const rows = await owner.query<{ t: string; org: string; d: string }[]>(parts.join('\nUNION ALL\n'), [orgIds]);
  return Object.fromEntries(rows.map((r) => [`${r.org} ${r.t}`, r.d]).sort(([a], [b]) => a.localeCompare(b)));
}

/** The part of a digest that is about one organisation. */
export function digestOf(digest: Record<string, string>, orgId: string): string {
  return JSON.stringify(Object.entries(digest).filter(([key]) => key.startsWith(`${orgId} `)));
}

let cached: string[] | undefined;

async function tenantTables(owner: DataSource): Promise<string[]> {
  cached ??= (
    await owner.query<{ table_name: string }[]>(
      `SELECT c.table_name FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND c.column_name = 'org_id' AND t.table_type = 'BASE TABLE'
        ORDER BY 1`,
    )
  )
    .map((r) => r.table_name)
    .filter((name) => !NOT_COMPARED.has(name));
  return cached;
}
