/**
 * The narrow doors through row-level security, for lookups made before an organisation is known
 * (log-in, a session token, an invite or reset link) and for deleting a whole organisation.
 *
 * Each is SECURITY DEFINER: it runs as the migrating role (the tables' owner, whose own policy
 * sees every row), answers one question and nothing more. `search_path` is pinned (with
 * `pg_temp` last, so a temporary table cannot stand in for `users`) and every table is
 * schema-qualified. EXECUTE is revoked from PUBLIC here and granted to the API's request role at
 * start (platform/database/app-role.ts). Input parameters are named apart from the output
 * columns (PostgreSQL refuses a parameter and an output column of one name); callers pass them by position.
 */
const DEFINER = `LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp`;

export const ACCOUNT_FUNCTION_SIGNATURES = [
  'auth_user_by_email(text)',
  'auth_session(uuid)',
  'auth_user_organisations(uuid)',
  'auth_invite_by_token_hash(text)',
  'auth_password_reset_by_token_hash(text)',
  'delete_organisation(uuid)',
  'default_organisation_id()',
];

export const ACCOUNT_FUNCTIONS = [
  // Log-in: the account behind an email (compared lower-cased, as stored).
  `CREATE FUNCTION auth_user_by_email(lookup_email text)
     RETURNS TABLE (id uuid, name text, email text, password_hash text, totp_secret text, totp_enabled boolean)
     ${DEFINER} AS $$
       SELECT u.id, u.name, u.email, u.password_hash, u.totp_secret, u.totp_enabled
         FROM public.users u WHERE u.email = lower(btrim($1))
     $$`,

  // Every request: the session a token names, its user and that user's membership now (role and
  // unit_ids are NULL once the membership is gone, so a removed member is refused at once).
  `CREATE FUNCTION auth_session(sid uuid)
     RETURNS TABLE (session_id uuid, user_id uuid, user_name text, user_email text, org_id uuid, role text,
                    unit_ids uuid[], expires_at timestamptz, revoked_at timestamptz,
                    totp_enabled boolean, last_seen_at timestamptz)
     ${DEFINER} AS $$
       SELECT s.id, u.id, u.name, u.email, s.org_id, m.role, m.unit_ids, s.expires_at, s.revoked_at,
              u.totp_enabled, s.last_seen_at
         FROM public.sessions s
         JOIN public.users u ON u.id = s.user_id
         LEFT JOIN public.memberships m ON m.org_id = s.org_id AND m.user_id = s.user_id
        WHERE s.id = $1
     $$`,

  // The organisation switcher: where the user is a member, by name.
  `CREATE FUNCTION auth_user_organisations(uid uuid)
     RETURNS TABLE (org_id uuid, org_name text, slug text, role text)
     ${DEFINER} AS $$
       SELECT o.id, o.name, o.slug, m.role
         FROM public.memberships m JOIN public.organisations o ON o.id = m.org_id
        WHERE m.user_id = $1
        ORDER BY o.name, o.id
     $$`,

  // An invite link (its token's sha-256), with the organisation's name for the accept page.
  `CREATE FUNCTION auth_invite_by_token_hash(hash text)
     RETURNS TABLE (id uuid, org_id uuid, org_name text, email text, role text, unit_ids uuid[], created_by uuid,
                    created_at timestamptz, expires_at timestamptz, accepted_at timestamptz)
     ${DEFINER} AS $$
       SELECT i.id, i.org_id, o.name, i.email, i.role, i.unit_ids, i.created_by, i.created_at, i.expires_at, i.accepted_at
         FROM public.invites i JOIN public.organisations o ON o.id = i.org_id
        WHERE i.token_hash = $1
     $$`,

  // A password-reset link (its token's sha-256).
  `CREATE FUNCTION auth_password_reset_by_token_hash(hash text)
     RETURNS TABLE (id uuid, org_id uuid, user_id uuid, user_email text, created_by uuid,
                    created_at timestamptz, expires_at timestamptz, used_at timestamptz)
     ${DEFINER} AS $$
       SELECT r.id, r.org_id, r.user_id, u.email, r.created_by, r.created_at, r.expires_at, r.used_at
         FROM public.password_resets r JOIN public.users u ON u.id = r.user_id
        WHERE r.token_hash = $1
     $$`,

  // The demo organisation (slug 'default', created by the first migration), found at start.
  `CREATE FUNCTION default_organisation_id() RETURNS uuid
     ${DEFINER} AS $$ SELECT id FROM public.organisations WHERE slug = 'default' $$`,

  // Deleting an organisation: every row of it, the change log included (which the request role
  // may neither update nor delete), then the accounts that belonged to it alone. Only the
  // organisation the transaction works in (app.org_id) can be deleted this way.
  `CREATE FUNCTION delete_organisation(org uuid) RETURNS void
     LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
     DECLARE
       members uuid[];
     BEGIN
       IF org IS NULL OR org IS DISTINCT FROM nullif(current_setting('app.org_id', true), '')::uuid THEN
         RAISE EXCEPTION 'delete_organisation: not the organisation of this transaction' USING ERRCODE = '42501';
       END IF;
       SELECT coalesce(array_agg(m.user_id), '{}') INTO members FROM public.memberships m WHERE m.org_id = org;
       DELETE FROM public.change_log WHERE org_id = org;
       DELETE FROM public.password_resets WHERE org_id = org;
       DELETE FROM public.invites WHERE org_id = org;
       DELETE FROM public.sessions WHERE org_id = org;
       DELETE FROM public.audit_waivers WHERE org_id = org;
       DELETE FROM public.key_result_check_ins WHERE org_id = org;
       DELETE FROM public.links WHERE org_id = org;
       DELETE FROM public.nodes WHERE org_id = org;
       DELETE FROM public.business_units WHERE org_id = org;
       DELETE FROM public.memberships WHERE org_id = org;
       -- Any table added later with org_id and ON DELETE CASCADE goes with the organisation.
       DELETE FROM public.organisations WHERE id = org;
       DELETE FROM public.users u
        WHERE u.id = ANY (members) AND NOT EXISTS (SELECT 1 FROM public.memberships m WHERE m.user_id = u.id);
     END
     $$`,

  ...ACCOUNT_FUNCTION_SIGNATURES.map((signature) => `REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`),
];
