#!/usr/bin/env bash
# Start the background worker and the web server (gunicorn) of a local Hogo (called by `make run`).
set -euo pipefail
cd "$(dirname "$0")/.."
HOGO=.venv/bin/hogo
ADDR=${HOGO_ADDR:-127.0.0.1:8000}

$HOGO worker --no-reload >var/worker.log 2>&1 &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM

echo
echo "Hogo: http://$ADDR/"
echo "背景処理ワーカー (worker) pid $worker, log var/worker.log"
[ -f var/demo-accounts.txt ] && cat var/demo-accounts.txt
echo "終了するには Ctrl+C / press Ctrl+C to stop"
echo
HOGO_ADDR=$ADDR .venv/bin/gunicorn -c scripts/gunicorn.conf.py hogo.wsgi
