"""make bench: a bounded load run on loopback against nginx -> gunicorn -> PostgreSQL (+ Redis).

Four wrk runs of BENCH_SECONDS each (default 10), same server, same connections:
  static    a hashed static file of about the size of a page (the ceiling of this stack)
  cached    the page mix as anonymous visitors get it (shared page cache)
  uncached  the same mix rendered every time (requests carry a session cookie, which bypasses the cache),
            once at BENCH_CONNECTIONS and once with 2 connections (latency without queueing)
Prints requests/s, p50 and p95 latency and errors for each, and fails on any error.
The mix is MIX below: add each new page type (directory with filters, search, profile, map GeoJSON,
calendar, event, iCal, verification) when it lands. SEED_PRODUCERS and SEED_EVENTS set how many synthetic
producers and events seed_demo tops up to (default 5000 and 500); the seeded database is kept between runs
(REUSE_DB=0 recreates it).

Env: BENCH_SECONDS, BENCH_CONNECTIONS (16), BENCH_THREADS (2), CLUSTER_WORKERS (gunicorn workers per
instance), CLUSTER_INSTANCES (1), CLUSTER_DATABASE_URL (postgres://.../mbb_prod_bench).
Needs wrk (apt-get install wrk).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from cluster import Cluster  # noqa: E402

# (weight, path): what visitors ask for, roughly how often.
MIX = [
    (5, "/de/"),
    (2, "/en/"),
    (1, "/tr/"),
    (1, "/ar/"),
    (2, "/de/verein/"),
    (1, "/ar/verein/"),
    # --- directory ---
    (3, "/de/produzenten/"),
    (3, "/de/produzenten/?category=food"),
    (1, "/en/produzenten/?category=textiles&wheelchair=on"),
    (2, "/de/produzenten/?q=kaffee"),
    (1, "/de/produzenten/?page=2"),
    (3, "/de/produzenten/eismanufaktur-gleisdreieck/"),
    (1, "/tr/produzenten/roesterei-kortum/"),
    (1, "/de/karte/"),
    (1, "/api/producers.geojson"),
    (1, "/api/producers.geojson?category=food"),
    # --- label --- the demo draws certificate numbers by year: {certificate} is looked up (see certificate()).
    (1, "/de/label/"),
    (1, "/v/{certificate}"),
    # --- events ---
    (2, "/de/veranstaltungen/"),
    (1, "/de/veranstaltungen/?view=month"),
    (1, "/de/veranstaltungen/werkstatt-mittwoch/"),
    (1, "/en/veranstaltungen/tag-der-offenen-tuer-programm/"),
    (1, "/events/calendar.ics"),
    (1, "/events/producer/roesterei-kortum.ics"),
]


def certificate(url):
    """The number of a currently valid demo certificate, from the open data."""
    holders = requests.get(url + "/api/label-holders.json", timeout=30).json()["certificates"]
    return next(holder["number"] for holder in holders if holder["status"] == "valid")

LUA = """
local paths = {%(paths)s}
local i = 0
request = function()
  i = (i %% #paths) + 1
  return wrk.format("GET", paths[i], {%(headers)s})
end
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %%d %%.3f %%.3f %%.3f %%d\\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, errors))
end
"""


def wrk(url, paths, headers, seconds, connections, threads):
    # The same Host as the warm-up requests, so the page cache is warm for wrk too.
    headers = {"Host": url.removeprefix("http://"), **headers}
    script = LUA % {
        "paths": ", ".join(f'"{path}"' for path in paths),
        "headers": ", ".join(f'["{name}"] = "{value}"' for name, value in headers.items()),
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as file:
        file.write(script)
        file.flush()
        output = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", file.name, url],
            capture_output=True, text=True, check=True,
        ).stdout
    requests_done, duration, p50, p95, errors = re.search(r"RESULT (\S+) (\S+) (\S+) (\S+) (\S+)", output).groups()
    return {"rps": int(requests_done) / float(duration), "p50": float(p50), "p95": float(p95), "errors": int(errors)}


def main():
    if not shutil.which("wrk"):
        print("make bench needs wrk: apt-get install wrk")
        return 2
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    connections = int(os.environ.get("BENCH_CONNECTIONS", "16"))
    threads = int(os.environ.get("BENCH_THREADS", "2"))
    os.environ.setdefault("CLUSTER_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mbb_prod_bench")
    os.environ.setdefault("CLUSTER_PORT", "8250")
    os.environ.setdefault("SEED_EVENTS", "500")
    # The seeded database is kept between runs (seeding 5,000 producers takes a while); REUSE_DB=0 starts afresh.
    os.environ.setdefault("REUSE_DB", "1")
    with Cluster(instances=int(os.environ.get("CLUSTER_INSTANCES", "1")),
                 seed_producers=int(os.environ.get("SEED_PRODUCERS", "5000"))) as cluster:
        number = certificate(cluster.url)
        paths = [path.format(certificate=number) for weight, path in MIX for _ in range(weight)]
        for path in set(paths):
            response = requests.get(cluster.url + path, timeout=30)
            assert response.status_code == 200, f"{path}: {response.status_code}"
        home = requests.get(cluster.url + "/de/")
        page_size = len(home.content)
        static = min(
            set(re.findall(r'(?:href|src)="(/static/[^"]+\.[0-9a-f]{12}\.(?:css|js|svg))"', home.text)),
            key=lambda path: abs(len(requests.get(cluster.url + path).content) - page_size),
        )
        static_size = len(requests.get(cluster.url + static).content)
        runs = {
            f"static {static.rsplit('/', 1)[-1]} ({static_size // 1024} KB)": wrk(
                cluster.url, [static], {}, seconds, connections, threads),
            f"cached pages ({page_size // 1024} KB home)": wrk(
                cluster.url, paths, {}, seconds, connections, threads),
            "uncached pages": wrk(
                cluster.url, paths, {"Cookie": "sessionid=bench-no-session"}, seconds, connections, threads),
            # At saturation a closed loop's latency is mostly waiting in line (connections / throughput);
            # two connections, one per core, show what a member's request costs when the site is not overrun.
            "uncached pages, 2 connections": wrk(
                cluster.url, paths, {"Cookie": "sessionid=bench-no-session"}, seconds, 2, 1),
        }
        print(f"\nwrk, {seconds}s each, {connections} connections, {threads} threads; "
              f"nginx -> {cluster.instances} gunicorn x {cluster.workers} workers -> PostgreSQL + Redis")
        print(f"{'run':<34} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
        for name, result in runs.items():
            print(f"{name:<34} {result['rps']:>9.0f} {result['p50']:>8.1f} {result['p95']:>8.1f} {result['errors']:>7}")
        errors = sum(result["errors"] for result in runs.values())
        print(f"errors: {errors}" + ("" if errors else " (none)"))
        queries = subprocess.run([sys.executable, str(ROOT / "bench" / "queries.py")], cwd=ROOT,
                                 env={**cluster.env, "BENCH_CERTIFICATE": number},
                                 capture_output=True, text=True)
        print(queries.stdout, queries.stderr[-3000:] if queries.returncode else "")
    return 1 if errors or queries.returncode else 0


if __name__ == "__main__":
    sys.exit(main())
