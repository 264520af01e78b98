"""A page behind a view restriction (login, password, groups; on itself or an ancestor) appears nowhere a
visitor without access can reach: lists, feeds, exports, search, sitemap, map, cross-links. Each place is
visited before, while and after the restriction applies, so cached copies must follow it too."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from directory.demo import seed_index as seed_directory
from directory.models import ProducerPage, Product
from events.models import EventIndexPage, EventPage, Exhibition, OpenDayPage, OpenDaySlot
from label.demo import _application
from label.models import Application, Certificate
from madebybochum.pages.demo import ensure_user, seed_home, translated, upsert_page
from madebybochum.pages.models import StandardPage
from routes.demo import seed_index as seed_routes
from routes.models import ExperienceRoutePage, RouteStop
from shop.models import Offer

PRODUCER = "Verborgene Werkstatt"
EVENT = "Geheimer Abend"
SECTION = "Mitgliederbereich"
ROUTE = "Heimliche Runde"


def publish(parent, page, hosts=()):
    parent.add_child(instance=page)
    if hosts:
        page.hosts.set(hosts)
    page.save_revision().publish()
    return page


@pytest.fixture
def site(db, settings):
    home = seed_home()
    settings.SHOP_ENABLED = True
    settings.SHOP_REQUIRE_LABEL = True
    directory = seed_directory(home)
    hidden, _ = upsert_page(directory, ProducerPage, "verborgene-werkstatt", {
        **translated("title", {"de": PRODUCER}), "latitude": "51.481800", "longitude": "7.219700", "street": "Brückstraße 1"})
    public, _ = upsert_page(directory, ProducerPage, "offene-roesterei", {
        **translated("title", {"de": "Offene Rösterei"}), "latitude": "51.482000", "longitude": "7.220000"})
    member, _ = ensure_user("werkstatt", "werkstatt-pass", "werkstatt@example.org")
    facts = {"full_time_employees": 2, "design": True, "manufacture": True, "finishing": False}
    today = timezone.localdate()
    certificate = Certificate.objects.create(
        number="MBB-2026-0001", producer=hidden, application=_application(hidden, member, facts, Application.Status.APPROVED),
        valid_from=today - timedelta(days=30), valid_until=today + timedelta(days=300),
    )
    Offer.objects.create(product=Product.objects.create(producer=hidden, **translated("name", {"de": "Vase"}), price="30"),
                         purchasable=True)

    calendar, _ = upsert_page(home, EventIndexPage, "veranstaltungen", {**translated("title", {"de": "Veranstaltungen"})})
    # Weekly from two months ago: dates in the list, the month view and the archive alike.
    start = (timezone.now() - timedelta(days=60)).replace(hour=18, minute=0, second=0, microsecond=0)
    weekly = {"starts_at": start, "ends_at": start + timedelta(hours=2), "repeat": EventPage.FREQ_WEEKLY, "format": "workshop"}
    hosted = publish(calendar, EventPage(slug="werkstattabend", **translated("title", {"de": f"Abend bei {PRODUCER}"}), **weekly),
                     hosts=[hidden])
    secret = publish(calendar, EventPage(slug="geheimer-abend", **translated("title", {"de": EVENT}), **weekly), hosts=[public])
    Exhibition.objects.create(producer=hidden, starts_on=today - timedelta(days=1), ends_on=today + timedelta(days=9), what="Drechseln")
    open_day = OpenDayPage(slug="tag-der-offenen-tuer", **translated("title", {"de": "Tag der offenen Tür"}), day=today)
    open_day.slots.add(OpenDaySlot(producer=hidden, kind=OpenDaySlot.TOUR, starts="10:00", ends="11:00"))
    publish(calendar, open_day)

    routes = seed_routes(home)
    walk = ExperienceRoutePage(slug="runde", **translated("title", {"de": "Runde"}))
    walk.stops.add(RouteStop(producer=hidden, sort_order=0))
    walk.stops.add(RouteStop(producer=public, sort_order=1))
    publish(routes, walk)
    route = ExperienceRoutePage(slug="heimliche-runde", **translated("title", {"de": ROUTE}))
    route.stops.add(RouteStop(producer=public, sort_order=0))
    publish(routes, route)

    section = publish(home, StandardPage(slug="mitglieder", **translated("title", {"de": SECTION}), show_in_menus=True,
                                         show_in_footer=True))
    return {"producer": hidden, "event": secret, "section": section, "route": route, "hosted": hosted,
            "public": public, "number": certificate.number}


# (what is restricted, place, URL (formatted with the fixture's values), text that shows the page there)
PLACES = [
    ("producer", "directory", "/de/produzenten/", PRODUCER),
    ("producer", "search", "/de/produzenten/?q=Verborgene", PRODUCER),
    ("producer", "map", "/de/karte/", PRODUCER),
    ("producer", "geojson", "/api/producers.geojson", PRODUCER),
    ("producer", "csv", "/api/producers.csv", PRODUCER),
    ("producer", "label register", "/de/label/", PRODUCER),
    ("producer", "label holders json", "/api/label-holders.json", PRODUCER),
    ("producer", "verification /v/", "/v/{number}", PRODUCER),
    ("producer", "verification page", "/de/label/certificates/{number}/", PRODUCER),
    ("producer", "sticker", "/v/{number}/sticker.svg", PRODUCER),
    ("producer", "qr code", "/v/{number}/qr.svg", "<svg"),
    ("producer", "calendar list", "/de/veranstaltungen/", PRODUCER),
    ("producer", "calendar month", "/de/veranstaltungen/?view=month", PRODUCER),
    ("producer", "calendar archive", "/de/veranstaltungen/?archive=1", PRODUCER),
    ("producer", "ical all", "/events/calendar.ics", PRODUCER),
    ("producer", "ical producer", "/events/producer/verborgene-werkstatt.ics", PRODUCER),
    ("producer", "ical format", "/events/format/workshop.ics", PRODUCER),
    ("producer", "ical of its event", "/events/{hosted}.ics", PRODUCER),
    ("producer", "page of its event", "/de/veranstaltungen/werkstattabend/", PRODUCER),
    ("producer", "open day programme", "/de/veranstaltungen/tag-der-offenen-tuer/", PRODUCER),
    ("producer", "home: now in the showroom", "/de/", PRODUCER),
    ("producer", "route page", "/de/routen/runde/", PRODUCER),
    ("producer", "shop", "/de/shop/", PRODUCER),
    ("producer", "sitemap", "/sitemap.xml", "verborgene-werkstatt"),
    ("event", "calendar list", "/de/veranstaltungen/", EVENT),
    ("event", "calendar month", "/de/veranstaltungen/?view=month", EVENT),
    ("event", "calendar archive", "/de/veranstaltungen/?archive=1", EVENT),
    ("event", "ical all", "/events/calendar.ics", EVENT),
    ("event", "ical event", "/events/{event}.ics", EVENT),
    ("event", "ical host", "/events/producer/offene-roesterei.ics", EVENT),
    ("event", "host's profile", "/de/produzenten/offene-roesterei/", EVENT),
    ("event", "sitemap", "/sitemap.xml", "geheimer-abend"),
    ("section", "home teasers and menu", "/de/", SECTION),
    ("section", "menu and footer elsewhere", "/de/produzenten/", SECTION),
    ("section", "sitemap", "/sitemap.xml", "/mitglieder/"),
    ("route", "route overview", "/de/routen/", ROUTE),
    ("route", "map's route links", "/de/karte/", ROUTE),
    ("route", "sitemap", "/sitemap.xml", "heimliche-runde"),
]

KINDS = ["login", "password", "groups", "ancestor"]


def restrict(page, kind):
    if kind == "ancestor":
        page = page.get_parent()
        kind = "login"
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password="geheim" if kind == "password" else "")
    if kind == "groups":
        restriction.groups.add(Group.objects.get_or_create(name="Vorstand")[0])
    return restriction


def shown(url, text):
    response = Client().get(url)
    return response.status_code == 200 and text in response.content.decode()


@pytest.mark.parametrize("target", ["producer", "event", "section", "route"])
def test_restricted_page_appears_nowhere(site, target):
    # One site per target, every place and kind in turn: building the site is the slow part.
    places = [
        (place, url.format(number=site["number"], hosted=site["hosted"].pk, event=site["event"].pk), text)
        for restricted, place, url, text in PLACES
        if restricted == target
    ]
    page = site[target]
    # Only what the page itself can restrict: the home page has no parent worth restricting.
    kinds = KINDS if target != "section" else KINDS[:3]
    failures = [f"{place}: not shown while unrestricted" for place, url, text in places if not shown(url, text)]
    for kind in kinds:
        restriction = restrict(page, kind)
        failures += [f"{place}: shown despite a {kind} restriction" for place, url, text in places if shown(url, text)]
        restriction.delete()
        failures += [f"{place}: hidden after the {kind} restriction was lifted" for place, url, text in places if not shown(url, text)]
    assert failures == []
