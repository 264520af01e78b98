#!/usr/bin/env bash
# make audit: Nu HTML checker (vnu-jar, Debian's java) and Lighthouse 12 (Node 20, Debian's chromium)
# on every public page type (tests/public_pages.py), served by gunicorn with production settings.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x node_modules/.bin/lighthouse ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  echo "--- installing vnu-jar and lighthouse (npm)"
  npm install --no-audit --no-fund --silent
fi
command -v java >/dev/null || { echo "make audit needs java (apt-get install default-jre-headless)"; exit 2; }
cd ../..
exec .venv/bin/python tools/audit/audit.py "$@"
