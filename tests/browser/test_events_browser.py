"""The calendar in Chromium: registering (confirmed by the emailed link) until an event is full, then the waiting
list; axe in de and ar, the confirmation pages included."""

import re
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from directory.models import ProducerIndexPage, ProducerPage
from events import registrations
from events.models import BERLIN, EventIndexPage, EventPage, Registration
from events.recurrence import next_occurrences
from madebybochum.pages.demo import translated, upsert_page
from tests.browser.conftest import axe_violations


@pytest.fixture
def calendar_with_event(home):
    index, _created = upsert_page(
        home, EventIndexPage, "veranstaltungen",
        {**translated("title", {"de": "Veranstaltungen", "ar": "الفعاليات"}), "show_in_menus": True},
    )
    producers, _created = upsert_page(home, ProducerIndexPage, "produzenten", {"title": "Produzenten", "title_de": "Produzenten"})
    violin, _created = upsert_page(producers, ProducerPage, "geigenbau", {"title": "Geigenbau Brückstraße", "title_de": "Geigenbau Brückstraße"})
    day = (timezone.now() + timedelta(days=7)).astimezone(BERLIN).date()
    event = EventPage(
        slug="geigen-workshop",
        **translated("title", {"de": "Wie entsteht eine Geige?", "ar": "كيف يُصنع الكمان؟"}),
        **translated("description", {"de": "<p>Holz, Lack, Klang.</p>", "ar": "<p>الخشب والطلاء والصوت.</p>"}),
        starts_at=datetime(day.year, day.month, day.day, 15, tzinfo=BERLIN),
        ends_at=datetime(day.year, day.month, day.day, 18, tzinfo=BERLIN),
        venue_kind=EventPage.VENUE_PRODUCER, venue_producer=violin, latitude="51.4843", longitude="7.2178",
        registration_required=True, capacity=2, waiting_list=True, in_arabic=True,
    )
    index.add_child(instance=event)
    event.hosts.add(violin)
    event.save_revision().publish()
    return index, event


def confirm_link(address):
    """The link in the last e-mail to `address` (the live server runs in this process: locmem outbox)."""
    body = next(message.body for message in reversed(mail.outbox) if message.to == [address])
    return re.search(r"https?://\S+/events/confirm/\S+/", body).group(0)


def test_visitors_register_until_full_then_join_the_waiting_list(live_server, calendar_with_event, new_page, settings):
    settings.HONEYPOT_MIN_SECONDS = 0
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    index, event = calendar_with_event
    page = new_page(width=390, height=844, lang="en")
    page.goto(f"{live_server.url}/en/veranstaltungen/")
    page.get_by_role("link", name="Wie entsteht eine Geige?").click()
    event_url = page.url
    assert page.locator(".ev-seats").inner_text() == "2 seats left."

    for name in ("Anna", "Ben"):
        page.get_by_label("Your name").fill(name)
        page.get_by_label("Your email address").fill(f"{name.lower()}@example.org")
        page.get_by_label("Seats").fill("1")
        page.get_by_role("button", name="Register").click()
        assert page.get_by_role("heading", level=1).inner_text() == "Please check your email"
        assert "Your seats are held for 30 minutes" in page.locator(".lead").inner_text()
        assert page.get_by_label("Your email address").count() == 0
        page.goto(confirm_link(f"{name.lower()}@example.org"))
        assert page.get_by_role("heading", level=1).inner_text() == "Your registration is confirmed"
        assert "1 seat is reserved for you" in page.content()
        page.goto(event_url)

    assert "Fully booked" in page.locator(".ev-full").inner_text()
    assert page.get_by_label("If it is full, put me on the waiting list").is_checked()
    page.get_by_label("Your name").fill("Cem")
    page.get_by_label("Your email address").fill("cem@example.org")
    page.get_by_role("button", name="Join the waiting list").click()
    assert "take your place on the waiting list" in page.locator(".lead").inner_text()
    page.goto(confirm_link("cem@example.org"))
    assert page.get_by_role("heading", level=1).inner_text() == "You are on the waiting list"
    statuses = dict(Registration.objects.values_list("name", "status"))
    assert statuses == {"Anna": "confirmed", "Ben": "confirmed", "Cem": "waiting"}

    # The same email again is caught politely, with the form still filled in.
    page.goto(event_url)
    page.get_by_label("Your name").fill("Cem")
    page.get_by_label("Your email address").fill("cem@example.org")
    page.get_by_role("button", name="Join the waiting list").click()
    assert "already registered" in page.locator("[role=alert]").inner_text()
    assert page.get_by_label("Your name").input_value() == "Cem"


@pytest.mark.parametrize("code", ["de", "ar"])
def test_calendar_and_event_page_are_accessible(live_server, calendar_with_event, new_page, code):
    page = new_page(width=360, height=740, lang=code)
    _index, event = calendar_with_event
    date = next_occurrences(event, timezone.now())[0]
    registration = registrations.register(event, date, "Leila", "leila@example.org", 1)
    for path in ("/veranstaltungen/", "/veranstaltungen/?view=month", "/veranstaltungen/geigen-workshop/",
                 f"/events/{event.pk}/check-your-email/?date={date.key}", f"/events/confirm/{registration.token}/"):
        page.goto(f"{live_server.url}/{code}{path}")
        assert axe_violations(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
