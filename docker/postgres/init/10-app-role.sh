#!/bin/sh
# Run by the postgres image once, when its data volume is empty (docker-entrypoint-initdb.d), as the superuser.
# Creates the role the app connects as: it owns the schema `public` of the parkmetrics database, and with it the
# tables its migrations create, but it is no superuser and cannot create roles or databases, replicate or bypass
# row-level security. A volume initialised before this script existed: see docs/scaling.md, "Behind a TLS proxy".
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v app_password="$PARKMETRICS_DB_PASSWORD" -v db="$POSTGRES_DB" <<'SQL'
CREATE ROLE parkmetrics_app LOGIN PASSWORD :'app_password'
    NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
-- TEMPORARY: the bulk import stages its rows in a temporary table.
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO parkmetrics_app;
ALTER SCHEMA public OWNER TO parkmetrics_app;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
