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


@pytest.fixture(autouse=True)
def _default_language():
    """A request leaves its language active in the thread; each test starts in German (page.url, texts)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
