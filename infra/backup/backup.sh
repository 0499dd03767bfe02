#!/usr/bin/env bash
# Nightly backup of a WorkMonitor installation: a PostgreSQL dump (custom format, restorable table by table)
# and, when `mc` is configured, a mirror of the S3 bucket. Keeps KEEP_DAYS days of dumps.
# Usage: OWNER_DATABASE_URL=postgresql://... BACKUP_DIR=/var/backups/workmonitor infra/backup/backup.sh
# Restore: pg_restore --clean --if-exists -d "$OWNER_DATABASE_URL" <dump>; then mc mirror back.
set -euo pipefail
: "${OWNER_DATABASE_URL:?set OWNER_DATABASE_URL (the owner role, which reads all companies)}"
BACKUP_DIR=${BACKUP_DIR:-/var/backups/workmonitor}
KEEP_DAYS=${KEEP_DAYS:-14}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
umask 077
mkdir -p "$BACKUP_DIR"
pg_dump --format=custom --no-owner --file "$BACKUP_DIR/workmonitor-$stamp.dump.partial" "$OWNER_DATABASE_URL"
mv "$BACKUP_DIR/workmonitor-$stamp.dump.partial" "$BACKUP_DIR/workmonitor-$stamp.dump"
if [ -n "${S3_ALIAS:-}" ]; then
  mc mirror --overwrite --remove "$S3_ALIAS/${S3_BUCKET:-workmonitor}" "$BACKUP_DIR/objects"
fi
find "$BACKUP_DIR" -maxdepth 1 -name 'workmonitor-*.dump' -mtime "+$KEEP_DAYS" -delete
echo "backup: $BACKUP_DIR/workmonitor-$stamp.dump"
