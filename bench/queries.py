"""In-process cost of each page in bench/load.py's MIX: SQL queries and median render time, uncached.

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

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    # A session cookie makes every request bypass the page cache: this measures rendering.
    client.cookies["sessionid"] = "bench-no-session"
    print(f"\nin-process, uncached, median of {ROUNDS}")
    print(f"{'page':<34} {'queries':>8} {'median ms':>10}")
    certificate = os.environ.get("BENCH_CERTIFICATE", "")
    for path in dict.fromkeys(path.format(certificate=certificate) for _weight, path in MIX):
        client.get(path)
        timings = []
        for _ in range(ROUNDS):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        print(f"{path:<34} {len(queries):>8} {statistics.median(timings):>10.1f}")


if __name__ == "__main__":
    main()
