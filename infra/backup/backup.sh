#!/usr/bin/env bash
# Nightly backup of a WorkMonitor installation: a PostgreSQL dump (custom format) and a copy of the S3 bucket.
# Restore onto a new server with restore.sh (infra/README.md, "Backup and restore").
#
#   OWNER_DATABASE_URL_FILE=/var/lib/faasd-provider/secrets/openfaas-fn/owner-database-url \
#   S3_ENDPOINT=http://10.62.0.1:9000 \
#   S3_ACCESS_KEY_FILE=/var/lib/faasd-provider/secrets/openfaas-fn/s3-access-key \
#   S3_SECRET_KEY_FILE=/var/lib/faasd-provider/secrets/openfaas-fn/s3-secret-key \
#   BACKUP_DIR=/var/backups/workmonitor infra/backup/backup.sh
#
# OWNER_DATABASE_URL (env) works too. The password reaches pg_dump through a temporary PGPASSFILE, never argv.
# Objects go to $BACKUP_DIR/objects (s3sync.py: boto3) when S3_ENDPOINT is set; skip with S3_BACKUP=0.
# Keeps KEEP_DAYS days of dumps. On success writes $BACKUP_DIR/last-success (unix time, read by the queue
# exporter's backup-age metric) and workmonitor_backup.prom (node_exporter textfile format).
# Needs: pg_dump of the server's major version or newer, python3, python3-boto3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
BACKUP_DIR=${BACKUP_DIR:-/var/backups/workmonitor}
KEEP_DAYS=${KEEP_DAYS:-14}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
umask 077
mkdir -p "$BACKUP_DIR"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

conninfo=$(python3 "$here/pgconn.py" "$tmp/pgpass")
dump="$BACKUP_DIR/workmonitor-$stamp.dump"
PGPASSFILE="$tmp/pgpass" pg_dump --format=custom --no-owner --file "$dump.partial" --dbname "$conninfo"
mv "$dump.partial" "$dump"

if [ -n "${S3_ENDPOINT:-}" ] && [ "${S3_BACKUP:-1}" != 0 ]; then
  python3 "$here/s3sync.py" download "$BACKUP_DIR/objects"
fi

find "$BACKUP_DIR" -maxdepth 1 -name 'workmonitor-*.dump' -mtime "+$KEEP_DAYS" -delete
now=$(date +%s)
echo "$now" > "$BACKUP_DIR/last-success.partial" && mv "$BACKUP_DIR/last-success.partial" "$BACKUP_DIR/last-success"
printf '# TYPE workmonitor_backup_last_success_timestamp_seconds gauge\nworkmonitor_backup_last_success_timestamp_seconds %s\n' \
  "$now" > "$BACKUP_DIR/workmonitor_backup.prom"
chmod 0644 "$BACKUP_DIR/last-success" "$BACKUP_DIR/workmonitor_backup.prom"
echo "backup: $dump"
