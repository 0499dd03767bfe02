#!/usr/bin/env bash
# Restore a WorkMonitor backup onto a new (or emptied) server: roles first, then the dump, then the S3 objects.
#
#   OWNER_DATABASE_URL=postgresql://postgres@NEW-HOST:5432/workmonitor   (or OWNER_DATABASE_URL_FILE=...)
#   APP_DB_PASSWORD_FILE=/var/lib/faasd-provider/secrets/openfaas-fn/app-db-password   (optional)
#   S3_ENDPOINT=... S3_ACCESS_KEY_FILE=... S3_SECRET_KEY_FILE=...   (optional: objects are skipped without it)
#   infra/backup/restore.sh /var/backups/workmonitor/workmonitor-<stamp>.dump [/var/backups/workmonitor/objects]
#
# Steps, in this order because pg_dump never carries roles (they belong to the cluster, not the database):
#  1. create the application role workmonitor_app (the same attributes as migrations/0001_core.sql: LOGIN, no
#     superuser, no BYPASSRLS) and give it APP_DB_PASSWORD when one is given - read by psql's \getenv, not argv;
#  2. create the database when missing, then pg_restore into it (it must be empty): tables, data, RLS policies
#     (ENABLE + FORCE), functions and the GRANTs to workmonitor_app, which now exists; objects end up owned by
#     the restoring (owner) role, as --no-owner dumps are;
#  3. upload the objects with s3sync.py (the bucket is created when missing).
# Then run the migrator (python -m workmonitor.migrate): it applies migrations newer than the backup and sets the
# app role's password from the app-db-password secret.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dump=${1:?usage: restore.sh DUMP [OBJECTS_DIR]}
objects=${2:-}
umask 077
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

conninfo=$(python3 "$here/pgconn.py" "$tmp/pgpass")
admin=$(python3 "$here/pgconn.py" "$tmp/pgpass" --dbname postgres)
dbname=$(python3 "$here/pgconn.py" --field dbname)
export PGPASSFILE="$tmp/pgpass"
if [ -n "${APP_DB_PASSWORD_FILE:-}" ]; then
  APP_DB_PASSWORD=$(cat "$APP_DB_PASSWORD_FILE")
fi
export APP_DB_PASSWORD=${APP_DB_PASSWORD:-}

# 1. roles
psql --no-psqlrc --quiet --set ON_ERROR_STOP=1 --dbname "$admin" <<'SQL'
\getenv app_password APP_DB_PASSWORD
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'workmonitor_app') THEN
    CREATE ROLE workmonitor_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION;
  END IF;
END
$$;
SELECT :'app_password' <> '' AS set_password \gset
\if :set_password
ALTER ROLE workmonitor_app PASSWORD :'app_password';
\endif
SQL
echo "restore: role workmonitor_app ready"

# 2. database
exists=$(psql --no-psqlrc -tA --dbname "$admin" --set dbname="$dbname" <<'SQL'
SELECT count(*) FROM pg_database WHERE datname = :'dbname';
SQL
)
if [ "$exists" = 0 ]; then
  psql --no-psqlrc --quiet --set ON_ERROR_STOP=1 --dbname "$admin" --set dbname="$dbname" <<'SQL'
CREATE DATABASE :"dbname";
SQL
fi
pg_restore --no-owner --exit-on-error --dbname "$conninfo" "$dump"
echo "restore: database $dbname restored from $dump"

# 3. objects
if [ -n "$objects" ]; then
  python3 "$here/s3sync.py" upload "$objects"
fi
echo "restore: done; now run the migrator (python -m workmonitor.migrate) and the smoke test (infra/README.md)"
