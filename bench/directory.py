"""Directory benchmark: query counts and median server times with N synthetic producers.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mbb_bench .venv/bin/python bench/directory.py [--producers 5000]

Migrates the database, seeds the demo plus synthetic producers until there are N, then times each page
in-process (Django test client: the server's work without network, uncached) and prints a table.
"""

import argparse
import gzip
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "madebybochum.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.management.base import OutputWrapper  # noqa: E402
from django.core.signals import request_started  # noqa: E402
from django.db import close_old_connections, connection  # noqa: E402
from django.test import Client  # noqa: E402

from directory.demo import seed_index, seed_synthetic  # noqa: E402
from directory.models import ProducerPage  # noqa: E402
from madebybochum.pages.demo import seed_home  # noqa: E402


def measure(client, url, runs):
    # Keep one connection for the whole run, so the query log sees every query of the request.
    request_started.disconnect(close_old_connections)
    client.get(url)  # warm caches and renditions
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return len(queries), statistics.median(times), response


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--producers", type=int, default=5000)
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False

    call_command("migrate", "--noinput", verbosity=0)
    call_command("seed_demo", events=args.events, stdout=open(os.devnull, "w"))
    index = seed_index(seed_home())
    missing = args.producers - ProducerPage.objects.count()
    if missing > 0:
        start = time.perf_counter()
        seed_synthetic(index, missing, OutputWrapper(sys.stdout))
        print(f"\nseeded {missing} synthetic producers in {time.perf_counter() - start:.1f} s")
    total = ProducerPage.objects.live().count()
    print(f"database: {connection.vendor}, published producers: {total}")

    client = Client()
    # A session cookie bypasses the anonymous page cache: this measures rendering, not the cache.
    client.cookies["sessionid"] = "bench-no-session"
    cases = [
        ("directory", "/de/produzenten/"),
        ("directory page 50", "/de/produzenten/?page=50"),
        ("filtered search", "/de/produzenten/?q=Kaffee&category=food&wheelchair=on"),
        ("filters only", "/de/produzenten/?form=manufactory&sold=sells_own_shop&open=on"),
        ("profile", "/de/produzenten/roesterei-kortum/"),
        ("map", "/de/karte/"),
        ("calendar", "/de/veranstaltungen/"),
        ("calendar month", "/de/veranstaltungen/?view=month"),
        ("GeoJSON (all)", "/api/producers.geojson"),
        ("CSV (all)", "/api/producers.csv"),
    ]
    print(f"{'page':<22}{'queries':>8}{'median ms':>11}{'bytes':>10}{'gzip bytes':>12}")
    for name, url in cases:
        queries, median, response = measure(client, url, args.runs if "GeoJSON" not in name else max(5, args.runs // 3))
        body = response.content
        print(f"{name:<22}{queries:>8}{median:>11.1f}{len(body):>10}{len(gzip.compress(body)):>12}")


if __name__ == "__main__":
    main()
