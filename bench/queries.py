"""In-process cost of each page in bench/load.py's MIX: SQL queries and median render time, uncached and cold.

Run by bench/load.py inside its cluster's environment (production settings, the bench database).
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "madebybochum.settings.production")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.load import MIX  # noqa: E402
from madebybochum.cache import bump_content_version  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))


def measure(client, path, cold):
    client.get(path)
    timings = []
    for _ in range(ROUNDS):
        if cold:
            bump_content_version()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return len(queries), statistics.median(timings)


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    # A session cookie makes every request bypass the page cache: this measures rendering.
    client.cookies["sessionid"] = "bench-no-session"
    certificate = os.environ.get("BENCH_CERTIFICATE", "")
    paths = list(dict.fromkeys(path.format(certificate=certificate) for _weight, path in MIX))
    print(f"\nin-process, median of {ROUNDS}: uncached (a member's request), and cold (right after a content")
    print("change, when the feeds, open data and per-process routing copies are rebuilt too)")
    print(f"{'page':<52} {'queries':>7} {'ms':>7} {'cold q':>7} {'cold ms':>8}")
    for path in paths:
        queries, median = measure(client, path, cold=False)
        cold_queries, cold_median = measure(client, path, cold=True)
        print(f"{path:<52} {queries:>7} {median:>7.1f} {cold_queries:>7} {cold_median:>8.1f}")

if __name__ == "__main__":
    main()
