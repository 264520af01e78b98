import json

import pytest
from django.core.management import call_command

from madebybochum.pages import demo


@pytest.fixture
def home(db):
    """The demo home page with its standard pages: the site shell every page hangs in."""
    page = demo.seed_home()
    demo.seed_site_pages(page)
    return page


@pytest.fixture
def demo_site(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))


@pytest.fixture(autouse=True)
def _empty_cache():
    """Anonymous pages are cached site-wide; each test starts without another test's pages."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _migration_data(django_db_setup, django_db_blocker):
    """A copy of what migrations put in the test database (Wagtail's root page and locale, groups),
    to restore after each flush. (Django's serialized_rollback loses track of its own copy once
    Playwright's greenlets run, so the tests keep theirs.)"""
    from django.db import connection

    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def _restore_migration_data(request, _migration_data):
    """Transactional tests (browser, races, backups) flush the database when they end; the next one
    starts from what migrations created, not from an empty database."""
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker and marker.kwargs.get("transaction")) or "live_server" in request.fixturenames
    if not transactional:
        return
    request.getfixturevalue("transactional_db")
    from django.contrib.contenttypes.models import ContentType
    from django.core import serializers
    from django.db import connection, transaction
    from wagtail.models import Locale

    if Locale.objects.exists():
        return
    # The flush re-created content types under new ids; the copy brings its own. They go in first,
    # because building Wagtail pages and tasks looks content types up (and creates missing ones).
    ContentType.objects.all().delete()
    ContentType.objects.clear_cache()
    rows = json.loads(_migration_data)
    content_types = [row for row in rows if row["model"] == "contenttypes.contenttype"]
    others = [row for row in rows if row["model"] != "contenttypes.contenttype"]
    with transaction.atomic(), connection.constraint_checks_disabled():
        for part in (content_types, others):
            for obj in serializers.deserialize("json", json.dumps(part)):
                obj.save()
    ContentType.objects.clear_cache()
