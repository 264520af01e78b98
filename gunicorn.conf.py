"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py madebybochum.wsgi`.

Every value can be overridden with an env var (GUNICORN_BIND, GUNICORN_WORKERS, ...); docs/deploy.md.
"""

import multiprocessing
import os

wsgi_app = "madebybochum.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers with a few threads each: the app waits on PostgreSQL, not on the CPU.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak never grows; jitter keeps them from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Load the app once in the master: faster worker starts, less memory.
preload_app = True
# Only nginx on this machine talks to gunicorn; it sets X-Forwarded-Proto/For.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
proc_name = "madebybochum"
# Several instances may run on one machine (and under one user): no shared control socket.
control_socket_disable = True


def post_fork(server, worker):
    # Connections opened while preloading must not be shared between forked workers.
    from django.db import connections

    connections.close_all()
