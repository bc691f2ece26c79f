import type { DataSource } from 'typeorm';

/**
 * Tables whose rows change without anyone changing the organisation: a session's `last_seen_at` moves on
 * every authenticated request (reading is not writing).
 */
const NOT_COMPARED = new Set(['sessions']);

/**
 * A digest of everything the organisations hold: one md5 per tenant table (every table with an `org_id` column,
 * read from the catalog, so a new table is covered without editing this) plus the organisations' own rows
 * (settings, audit thresholds). Read as the owner, past row-level security. Two equal digests: nothing changed.
 */
export async function orgDigest(owner: DataSource, orgIds: string[]): Promise<Record<string, string>> {
  const tables = await tenantTables(owner);
  const parts = [
    `SELECT 'organisations' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d
       FROM organisations x WHERE id = ANY($1::uuid[])`,
    ...tables.map(
      (table) =>
        `SELECT '${table}', md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), ''))
           FROM "${table}" x WHERE org_id = ANY($1::uuid[])`,
    ),
  ];
  const rows = await owner.query<{ t: string; d: string }[]>(parts.join('\nUNION ALL\n'), [orgIds]);
  return Object.fromEntries(rows.map((r) => [r.t, r.d]));
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
