"""The scale-out test starts its own cluster (nginx + two gunicorn + Redis + PostgreSQL): `make scale-test`.
It is left out of `make test`, which sets no MBB_SCALE_TEST."""

import os
import sys
from pathlib import Path

import pytest

collect_ignore_glob = [] if os.environ.get("MBB_SCALE_TEST") else ["test_*.py"]


def pytest_configure(config):
    config.addinivalue_line("markers", "scale: needs the loopback cluster of tools/cluster.py (make scale-test)")


@pytest.fixture(scope="session")
def cluster():
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
    from cluster import Cluster

    with Cluster() as running:
        yield running
