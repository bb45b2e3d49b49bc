"""gunicorn settings for Hogo's web server (scripts/run.sh, bench/load/run.py, docs/operations.md).

    .venv/bin/gunicorn -c scripts/gunicorn.conf.py hogo.wsgi

Environment: HOGO_ADDR (default 127.0.0.1:8000), HOGO_WEB_WORKERS (processes; default 2 per core + 1,
gunicorn's own rule of thumb for synchronous workers), HOGO_WEB_TIMEOUT (seconds, default 120: a payment
run of 100,000 households is computed in the request and takes ~50 s; set the reverse proxy's read timeout
as long). Behind the office's reverse proxy, which terminates TLS.
"""

import os
import sys
from pathlib import Path

import environ

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from hogo.envfile import use_default_env_file  # noqa: E402 — after the checkout is on the path

# These settings may be in var/hogo.env (or HOGO_ENV_FILE) like every other: read it before they are.
use_default_env_file()
if os.environ.get("HOGO_ENV_FILE"):
    environ.Env.read_env(os.environ["HOGO_ENV_FILE"])

bind = os.environ.get("HOGO_ADDR", "127.0.0.1:8000")
workers = int(os.environ.get("HOGO_WEB_WORKERS") or 2 * (os.cpu_count() or 1) + 1)
worker_class = "sync"
timeout = int(os.environ.get("HOGO_WEB_TIMEOUT", "120"))
graceful_timeout = 30
# The app is loaded once before forking: Django, the models and the libraries imported at start are shared
# between processes (the Japanese tokenizer and the knowledge index load on first use, in each process).
# Django opens no database connection at import, so none is shared by the fork.
preload_app = True
# A process is replaced after about a thousand requests, so that memory a library keeps does not grow.
max_requests = 1000
max_requests_jitter = 100
accesslog = "-" if os.environ.get("HOGO_WEB_ACCESS_LOG") else None
errorlog = "-"
loglevel = os.environ.get("HOGO_LOG_LEVEL", "info").lower()
# X-Forwarded-* headers (the scheme) are trusted from the reverse proxy on loopback only.
forwarded_allow_ips = "127.0.0.1"
