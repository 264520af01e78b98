import json

import pytest
from django.core.management import call_command

from madebybochum.pages import demo


@pytest.fixture
def home(db):
    """The demo home page with its standard pages: the site shell every page hangs in. Created once for
    the test database (django_db_setup below); seeding again only finds them, unless a test removed them."""
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


@pytest.fixture(autouse=True)
def _default_language():
    """A request leaves its language active in the thread; each test starts in German (page.url, texts)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


# What migrations put in the test database (Wagtail's root page and locale, groups), for restored_tree.
_migration_data = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's database set-up and the site shell, plus a copy of both taken right after it, before
    any transactional test flushes the database. (Django's serialized_rollback loses track of its own
    copy once Playwright's greenlets run, so the tests keep theirs.)"""
    from django.db import connection

    with django_db_blocker.unblock():
        # The site shell most tests hang their pages in, built once instead of in every test (~1 s each).
        demo.seed_site_pages(demo.seed_home())
        _migration_data["json"] = connection.creation.serialize_db_to_string()


@pytest.fixture
def restored_tree(transactional_db):
    """For transactional tests: put the migration data back if an earlier test's flush removed it."""
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
    rows = json.loads(_migration_data["json"])
    content_types = [row for row in rows if row["model"] == "contenttypes.contenttype"]
    others = [row for row in rows if row["model"] != "contenttypes.contenttype"]
    with transaction.atomic(), connection.constraint_checks_disabled():
        for part in (content_types, others):
            for obj in serializers.deserialize("json", json.dumps(part)):
                obj.save()
    ContentType.objects.clear_cache()
