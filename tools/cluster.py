"""A small production cluster on loopback: nginx (round robin) -> N gunicorn instances -> PostgreSQL + Redis.

Used by `make scale-test` (tests/scale/) and `make bench` (bench/load.py), and by hand:

    .venv/bin/python tools/cluster.py            # serves http://127.0.0.1:8210 until Ctrl-C

Each instance runs madebybochum.settings.production, exactly as on a server, except that it speaks
plain HTTP (no TLS on loopback). The database is created afresh (migrate, seed_demo) unless KEEP_DB=1.
Env: CLUSTER_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/mbb_prod_scale), CLUSTER_PORT
(nginx; the instances take the next ports), CLUSTER_INSTANCES (2), CLUSTER_WORKERS (per instance, 2),
REDIS_URL (default: a private redis-server on CLUSTER_PORT + 9), SEED_PRODUCERS (extra producers).
"""

import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable

NGINX_CONF = """
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    map $uri $media_disposition {{
        default attachment;
        "~*\\.(jpe?g|png|webp|avif|gif|pdf)$" inline;
    }}
    upstream app {{
{servers}
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 20m;
{media}
        location / {{
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
    }}
}}
"""

# Uploaded files: plain static files that never execute and are never sniffed into HTML or script.
# Only image and PDF types keep their type; anything else (SVG, HTML, ...) is a download.
MEDIA_LOCATION = """
        location /media/ {{
            alias {media_root}/;
            types {{
                image/jpeg jpg jpeg;
                image/png png;
                image/webp webp;
                image/avif avif;
                image/gif gif;
                application/pdf pdf;
            }}
            default_type application/octet-stream;
            add_header X-Content-Type-Options nosniff always;
            add_header Content-Security-Policy "default-src 'none'; sandbox" always;
            add_header Cache-Control "public, max-age=86400" always;
            add_header Content-Disposition $media_disposition always;
        }}
"""


def wait_for(url, seconds=60, process=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{url}: the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status < 500:
                    return
        except urllib.error.HTTPError as error:
            if error.code < 500:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds}s")


def recreate_database(url, keep=False):
    """A fresh, empty database; with keep=True, an existing one stays as it is (seeded data is reused)."""
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and keep:
            return
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


class Cluster:
    def __init__(self, port=None, instances=None, workers=None, database_url=None, seed_producers=None):
        self.port = int(port or os.environ.get("CLUSTER_PORT", "8210"))
        self.instances = int(instances or os.environ.get("CLUSTER_INSTANCES", "2"))
        self.workers = int(workers or os.environ.get("CLUSTER_WORKERS", "2"))
        self.database_url = database_url or os.environ.get(
            "CLUSTER_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mbb_prod_scale"
        )
        self.seed_producers = int(seed_producers or os.environ.get("SEED_PRODUCERS", "0"))
        self.seed_events = int(os.environ.get("SEED_EVENTS", "0"))
        # REUSE_DB=1: keep an existing database between runs; migrate and seed_demo only top it up.
        self.reuse_db = os.environ.get("REUSE_DB") == "1"
        self.processes = []
        self.tmp = Path(tempfile.mkdtemp(prefix="mbb-cluster-"))
        # nginx's workers drop to an unprivileged user when started as root: they must read media.
        self.tmp.chmod(0o755)
        self.url = f"http://127.0.0.1:{self.port}"
        self.instance_urls = [f"http://127.0.0.1:{self.port + 1 + n}" for n in range(self.instances)]
        self.redis_url = os.environ.get("REDIS_URL") or f"redis://127.0.0.1:{self.port + 9}/0"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "madebybochum.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis_url,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            # nginx in front appends the client's address to X-Forwarded-For.
            "TRUSTED_PROXY_COUNT": "1",
            "MEDIA_ROOT": str(self.tmp / "media"),
            "STATIC_ROOT": str(self.tmp / "static"),
            # Loopback speaks plain HTTP; on a server nginx terminates TLS and these stay on.
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "SECURE_HSTS_SECONDS": "0",
            "GUNICORN_ACCESSLOG": "",
            "GUNICORN_LOGLEVEL": "warning",
            "LOG_LEVEL": "WARNING",
        }

    def manage(self, *args):
        subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, check=True,
                       stdout=subprocess.DEVNULL)

    def spawn(self, args, log):
        process = subprocess.Popen(
            args, cwd=ROOT, env=self.env, stdout=open(self.tmp / log, "w"), stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def start(self):
        if not os.environ.get("REDIS_URL"):
            self.spawn(["redis-server", "--port", str(self.port + 9), "--bind", "127.0.0.1", "--save", "",
                        "--appendonly", "no", "--dir", str(self.tmp)], "redis.log")
        # First: every manage.py command imports the URL conf, which asks the manifest for favicon.ico.
        self.manage("collectstatic", "--noinput", "-v0")
        if os.environ.get("KEEP_DB") != "1":
            recreate_database(self.database_url, keep=self.reuse_db)
            self.manage("migrate", "--noinput")
            self.manage("createcachetable")
            seed = ["seed_demo"] + (["--producers", str(self.seed_producers)] if self.seed_producers else [])
            seed += ["--events", str(self.seed_events)] if self.seed_events else []
            self.manage(*seed)
        (self.tmp / "media").mkdir(exist_ok=True)
        for n, url in enumerate(self.instance_urls):
            process = self.spawn(
                [str(Path(PYTHON).parent / "gunicorn"), "-c", "gunicorn.conf.py",
                 "--bind", url.removeprefix("http://"), "--workers", str(self.workers)],
                f"gunicorn-{n}.log",
            )
            try:
                wait_for(url + "/healthz", process=process)
            except RuntimeError:
                print((self.tmp / f"gunicorn-{n}.log").read_text()[-3000:], file=sys.stderr)
                raise
        servers = "\n".join(f"        server {url.removeprefix('http://')};" for url in self.instance_urls)
        media = MEDIA_LOCATION.format(media_root=self.tmp / "media")
        conf = NGINX_CONF.format(tmp=self.tmp, servers=servers, port=self.port, media=media)
        (self.tmp / "nginx.conf").write_text(conf)
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        process = self.spawn([nginx, "-c", str(self.tmp / "nginx.conf"), "-p", str(self.tmp)], "nginx.log")
        wait_for(self.url + "/healthz", process=process)
        return self

    def stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()


if __name__ == "__main__":
    with Cluster() as cluster:
        print(f"nginx at {cluster.url}, instances at {', '.join(cluster.instance_urls)} (Ctrl-C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()
