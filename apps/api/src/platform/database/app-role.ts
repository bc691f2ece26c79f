import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ConfigError } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

/**
 * Two database roles (docs/security.md, "Tenant isolation"):
 * - the **owner**, DATABASE_URL's role: runs the migrations, owns the tables and the SECURITY
 *   DEFINER functions. The API uses it only at start.
 * - the **request role**, which every request runs as: not a superuser, no BYPASSRLS, owning no
 *   table (nor a member of a role that does), so the row-level security policies bind it.
 *   DATABASE_APP_URL when set; otherwise, if the owner may create roles (the embedded default,
 *   tests, a local superuser), DATABASE_APP_ROLE is created or updated with a fresh random
 *   password and the API connects as it on DATABASE_URL's server and database.
 */
export interface AppRoleSettings {
  databaseAppUrl?: string;
  databaseAppRole: string;
}

/** What the request role may do: every table but the migrations' own, minus these. */
const NO_GRANT = new Set(['migrations']);
/**
 * The change log is append-only for the API, and snapshots (baselines) are immutable; both are deleted only with
 * their organisation (delete_organisation runs as the owner).
 */
const INSERT_ONLY = new Set(['change_log', 'snapshots']);
/** An organisation is deleted only through delete_organisation(), which removes its change log too. */
const NO_DELETE = new Set(['organisations']);

/**
 * Migrates as the owner, makes sure the request role exists and holds its grants, checks that
 * it cannot bypass row-level security, and answers its URL. Refusals are one-line ConfigErrors.
 */
export async function prepareDatabase(ownerUrl: string, settings: AppRoleSettings): Promise<string> {
  const owner = await connectOwner(ownerUrl);
  try {
    await owner.runMigrations({ transaction: 'each' });
    const role = settings.databaseAppUrl ? roleOf(settings.databaseAppUrl) : settings.databaseAppRole;
    const appUrl = settings.databaseAppUrl ?? (await ensureRole(owner, ownerUrl, role));
    // Before granting anything: a role that is refused gets no grants (nor loses the owner's).
    await refuseBypassingRole(appUrl);
    await grantRequestRole(owner, role);
    return appUrl;
  } finally {
    await owner.destroy();
  }
}

/** The owner's connection, tried three times a second apart (a server that is still starting). */
async function connectOwner(ownerUrl: string): Promise<DataSource> {
  for (let attempt = 1; ; attempt++) {
    const owner = new DataSource(dataSourceOptions(ownerUrl, 1));
    try {
      return await owner.initialize();
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** The user name of a connection URL. */
export function roleOf(url: string): string {
  const name = decodeURIComponent(new URL(url).username);
  if (!name) throw new ConfigError(['DATABASE_APP_URL: must name its user (the role the API’s requests run as)']);
  return name;
}

/** Creates (or updates) the request role with a fresh password; answers DATABASE_URL as that role. */
async function ensureRole(owner: DataSource, ownerUrl: string, role: string): Promise<string> {
  const [me] = await owner.query<{ may: boolean; name: string }[]>(
    `SELECT rolsuper OR rolcreaterole AS may, rolname AS name FROM pg_roles WHERE rolname = current_user`,
  );
  if (!me?.may) {
    throw new ConfigError(
      ['DATABASE_APP_URL'],
      `DATABASE_URL's role may not create roles: set DATABASE_APP_URL to a role that is not a superuser, has no BYPASSRLS and owns no table (docs/security.md).`,
    );
  }
  if (role === me.name) {
    throw new ConfigError(['DATABASE_APP_ROLE'], `DATABASE_APP_ROLE must differ from DATABASE_URL's role (${role}).`);
  }
  const password = randomBytes(24).toString('base64url');
  const attributes = 'LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION NOINHERIT';
  const alter = async () => {
    const [{ sql }] = await owner.query<{ sql: string }[]>(
      `SELECT format('ALTER ROLE %I ${attributes} PASSWORD %L', $1::text, $2::text) AS sql`,
      [role, password],
    );
    await owner.query(sql);
  };
  const exists = await owner.query<unknown[]>(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role]);
  if (exists.length) {
    await alter();
  } else {
    const [{ sql }] = await owner.query<{ sql: string }[]>(
      `SELECT format('CREATE ROLE %I ${attributes} PASSWORD %L', $1::text, $2::text) AS sql`,
      [role, password],
    );
    // Another replica may create it between the look and the CREATE: then update it instead.
    await owner.query(sql).catch(async (error: unknown) => {
      if ((error as { driverError?: { code?: string } }).driverError?.code !== '42710') throw error;
      await alter();
    });
  }
  const [{ connect }] = await owner.query<{ connect: string }[]>(
    `SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), $1::text) AS connect`,
    [role],
  );
  await owner.query(connect);
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(role);
  url.password = password;
  return url.toString();
}

/**
 * The request role's privileges, from the catalog so a new table cannot be forgotten: SELECT,
 * INSERT, UPDATE, DELETE on every table of the schema (but the exceptions above), USAGE on the
 * sequences, EXECUTE on the SECURITY DEFINER functions (revoked from PUBLIC by their migration).
 * Grants are per database; re-granting is a no-op, so every start does it.
 */
export async function grantRequestRole(owner: DataSource, role: string): Promise<void> {
  const tables = await owner.query<{ name: string; ident: string }[]>(
    `SELECT c.relname AS name, quote_ident(c.relname) AS ident
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  const functions = await owner.query<{ signature: string }[]>(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.prosecdef AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
  );
  const [{ grantee }] = await owner.query<{ grantee: string }[]>(`SELECT quote_ident($1) AS grantee`, [role]);
  // Replicas starting together take turns (concurrent GRANTs on one table can fail).
  const statements = [
    `SELECT pg_advisory_xact_lock(hashtextextended('throughline:grants', 0))`,
    `GRANT USAGE ON SCHEMA public TO ${grantee}`,
  ];
  for (const { name, ident } of tables) {
    statements.push(`REVOKE ALL ON ${ident} FROM ${grantee}`);
    if (NO_GRANT.has(name)) continue;
    const privileges = INSERT_ONLY.has(name)
      ? 'SELECT, INSERT'
      : NO_DELETE.has(name)
        ? 'SELECT, INSERT, UPDATE'
        : 'SELECT, INSERT, UPDATE, DELETE';
    statements.push(`GRANT ${privileges} ON ${ident} TO ${grantee}`);
  }
  statements.push(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${grantee}`);
  for (const { signature } of functions) statements.push(`GRANT EXECUTE ON FUNCTION ${signature} TO ${grantee}`);
  // One round trip, one transaction (a multi-statement simple query is atomic).
  await owner.query(statements.join(';\n'));
}

/**
 * The API refuses to start (one line) if its request role could see past the policies: a
 * superuser, BYPASSRLS, or the owner of a table (or a member of its owner) in the schema.
 */
export async function refuseBypassingRole(appUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: appUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string; superuser: boolean; bypass: boolean; owns: string | null }>(
      `SELECT r.rolname AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
              (SELECT string_agg(c.relname, ', ' ORDER BY c.relname)
                 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                  AND pg_has_role(r.oid, c.relowner, 'MEMBER')) AS owns
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const [me] = rows;
    const why = me.superuser
      ? 'is a superuser'
      : me.bypass
        ? 'has BYPASSRLS'
        : me.owns
          ? `owns (or is a member of the owner of) ${me.owns}`
          : undefined;
    if (why) {
      throw new ConfigError(
        ['DATABASE_APP_URL'],
        `The API's database role "${me.role}" ${why}, so row-level security would not bind it: use a role that is NOSUPERUSER, NOBYPASSRLS and owns no table (DATABASE_APP_URL; docs/security.md).`,
      );
    }
  } finally {
    await client.end();
  }
}
