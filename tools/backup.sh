#!/usr/bin/env bash
# make backup [BACKUP_DIR=dir]: the PostgreSQL database (pg_dump custom format) and the media files.
# With S3 media (S3_BUCKET set) only the database is dumped: the bucket keeps its own versions.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL must point at the PostgreSQL database to back up}"
case "$DATABASE_URL" in postgres://*|postgresql://*) ;; *) echo "backup needs PostgreSQL (DATABASE_URL=postgres://...)" >&2; exit 2;; esac
target="${1:-backups/$(date -u +%Y%m%dT%H%M%SZ)}"
media="${MEDIA_ROOT:-media}"
mkdir -p "$target"
pg_dump --format=custom --no-owner --no-privileges --file="$target/db.dump" "$DATABASE_URL"
if [ -z "${S3_BUCKET:-}" ] && [ -d "$media" ]; then
  tar -czf "$target/media.tar.gz" -C "$media" .
fi
( cd "$target" && sha256sum ./* > SHA256SUMS )
echo "backup written to $target"
