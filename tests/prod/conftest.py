import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """Page cache, rate-limit counters and lockouts start empty in every test."""
    cache.clear()
    yield
    cache.clear()
