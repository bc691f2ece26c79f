#!/bin/sh
# The role the API's requests run as (docs/security.md, "Tenant isolation"): it may log in and
# nothing more — no superuser, no BYPASSRLS, owns nothing, so PostgreSQL's row-level security
# binds it. The API (connected as POSTGRES_USER, the owner, for its migrations) grants it what
# it needs on the tables at every start. Runs once, when the volume is first initialised; for an
# older volume run the same CREATE ROLE by hand.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$THROUGHLINE_APP_PASSWORD" <<'SQL'
CREATE ROLE throughline_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION
  PASSWORD :'app_password';
SQL
