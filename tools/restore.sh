#!/usr/bin/env bash
# make restore BACKUP=dir: replaces the database named by DATABASE_URL and the media files with a backup.
# Stop the app servers and the task worker first. CONFIRM=yes skips the question (scripts, tests).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL must point at the PostgreSQL database to restore into}"
source_dir="${1:?name the backup directory}"
media="${MEDIA_ROOT:-media}"
( cd "$source_dir" && sha256sum --check --quiet SHA256SUMS )
if [ "${CONFIRM:-}" != "yes" ]; then
  read -r -p "Replace the database and media files with $source_dir? Type yes: " answer
  [ "$answer" = "yes" ] || { echo "nothing changed"; exit 1; }
fi
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
  --dbname="$DATABASE_URL" "$source_dir/db.dump"
if [ -f "$source_dir/media.tar.gz" ]; then
  mkdir -p "$media"
  # Files uploaded after the backup go aside, not away.
  if [ -n "$(ls -A "$media")" ]; then
    aside="$media.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    mv "$media" "$aside" && mkdir -p "$media"
    echo "current media moved to $aside"
  fi
  tar -xzf "$source_dir/media.tar.gz" -C "$media"
fi

# Cached pages and counters describe the old data: empty the shared cache.
"${PYTHON:-.venv/bin/python}" manage.py shell -c "from django.core.cache import cache; cache.clear()"
echo "restored from $source_dir"
