from datetime import datetime

import pytest

from directory.models import ProducerIndexPage, ProducerPage
from events.models import BERLIN, EventIndexPage, EventPage
from madebybochum.pages.demo import upsert_page


@pytest.fixture
def calendar_page(home):
    page, _created = upsert_page(home, EventIndexPage, "veranstaltungen", {"title": "Veranstaltungen", "title_de": "Veranstaltungen", "show_in_menus": True})
    return page


@pytest.fixture
def producer_index(home):
    page, _created = upsert_page(home, ProducerIndexPage, "produzenten", {"title": "Produzenten", "title_de": "Produzenten"})
    return page


@pytest.fixture
def make_producer(producer_index):
    def make(slug, title=None, members=()):
        page, _created = upsert_page(producer_index, ProducerPage, slug, {"title": title or slug, "title_de": title or slug})
        page.members.add(*members)
        return page

    return make


def local(*args):
    return datetime(*args, tzinfo=BERLIN)


@pytest.fixture
def make_event(calendar_page):
    counter = {"n": 0}

    def make(title="Werkstattabend", start=None, end=None, hosts=(), **fields):
        counter["n"] += 1
        start = start or local(2030, 5, 3, 19)
        end = end or start.replace(hour=start.hour + 2)
        page = EventPage(
            slug=f"event-{counter['n']}", title=title, title_de=title, starts_at=start, ends_at=end, **fields
        )
        calendar_page.add_child(instance=page)
        page.hosts.set(hosts)
        page.save_revision().publish()
        return page

    return make
