"""Registering, the waiting list, cancelling by emailed link, and what visitors see on bad input."""

import re

import pytest
from django.core import mail

from events import registrations
from events.models import Registration
from events.recurrence import next_occurrences

from .conftest import local
from django.utils import translation


@pytest.fixture
def workshop(make_event):
    return make_event(title="Geigen-Workshop", start=local(2030, 5, 3, 15), end=local(2030, 5, 3, 18),
                      registration_required=True, capacity=3, waiting_list=True)


def first_date(event):
    return next_occurrences(event, local(2030, 1, 1))[0]


def cancel_link(message):
    return re.search(r"https?://\S+/events/cancel/\S+/", message.body).group(0)


def test_registering_confirms_and_mails_a_cancel_link(workshop):
    registration = registrations.register(workshop, first_date(workshop), "Ayşe", "Ayse@Example.org", 2)
    assert registration.status == Registration.CONFIRMED and registration.confirmed_at
    assert registration.email == "ayse@example.org"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ayse@example.org"]
    assert registration.token in cancel_link(mail.outbox[0])
    assert registrations.seats_left(workshop, first_date(workshop).planned_start) == 1


@pytest.fixture
def in_english():
    """Messages and emails in English, so the assertions read as the text a visitor gets."""
    with translation.override("en"):
        yield


def test_full_event_offers_the_waiting_list_and_promotes_on_cancellation(workshop, in_english):
    date = first_date(workshop)
    first = registrations.register(workshop, date, "Anna", "anna@example.org", 3)
    with pytest.raises(registrations.RegistrationError, match="waiting list"):
        registrations.register(workshop, date, "Ben", "ben@example.org", 1)
    waiting = registrations.register(workshop, date, "Ben", "ben@example.org", 1, waiting_ok=True)
    too_big = registrations.register(workshop, date, "Cem", "cem@example.org", 3, waiting_ok=True)
    assert waiting.status == too_big.status == Registration.WAITING
    mail.outbox.clear()

    _cancelled, promoted = registrations.cancel(first)

    waiting.refresh_from_db()
    too_big.refresh_from_db()
    first.refresh_from_db()
    assert first.status == Registration.CANCELLED and first.cancelled_at
    # Ben came first and fits; Cem (3 seats) no longer fits next to Ben and keeps waiting.
    assert promoted == [waiting]
    assert waiting.status == Registration.CONFIRMED and waiting.promoted_at
    assert too_big.status == Registration.WAITING
    assert [m.to for m in mail.outbox] == [["ben@example.org"]]
    assert "Warteliste" in mail.outbox[0].body  # in the language the visitor registered in (German)


def test_same_email_twice_is_caught_politely(workshop, in_english):
    date = first_date(workshop)
    registrations.register(workshop, date, "Anna", "anna@example.org", 1)
    with pytest.raises(registrations.RegistrationError, match="already registered"):
        registrations.register(workshop, date, "Anna", " ANNA@example.org ", 1)


def test_cancel_link_only_cancels_its_own_registration(client, workshop):
    date = first_date(workshop)
    anna = registrations.register(workshop, date, "Anna", "anna@example.org", 1)
    ben = registrations.register(workshop, date, "Ben", "ben@example.org", 1)
    assert len(anna.token) >= 40 and anna.token != ben.token
    # A guessed or altered token finds nothing.
    assert client.post(f"/de/events/cancel/{anna.token[:-1]}x/").status_code == 404
    assert client.post(f"/de/events/cancel/{anna.pk}/").status_code == 404
    response = client.post(f"/de/events/cancel/{anna.token}/")
    assert response.status_code == 302
    anna.refresh_from_db()
    ben.refresh_from_db()
    assert anna.status == Registration.CANCELLED
    assert ben.status == Registration.CONFIRMED


def test_registration_form_keeps_what_was_typed_and_explains(client, workshop):
    url = workshop.url + "?date=" + first_date(workshop).key
    response = client.post(url, {"date": first_date(workshop).key, "name": "Jörg Müller", "email": "not-an-email", "seats": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jörg Müller" in html and "not-an-email" in html
    assert "Enter a valid email address" in html or "gültige E-Mail" in html
    assert not Registration.objects.exists()


def test_form_on_a_full_event_offers_the_waiting_list_with_input_kept(client, workshop):
    date = first_date(workshop)
    registrations.register(workshop, date, "Anna", "anna@example.org", 3)
    response = client.post(workshop.url, {"date": date.key, "name": "Ben", "email": "ben@example.org", "seats": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Join the waiting list" in html or "Warteliste" in html
    assert 'value="ben@example.org"' in html
    response = client.post(workshop.url, {"date": date.key, "name": "Ben", "email": "ben@example.org", "seats": "1", "waiting_ok": "on"})
    assert response.status_code == 302
    assert Registration.objects.get(email="ben@example.org").status == Registration.WAITING


def test_nonsense_input_never_breaks_the_page(client, workshop):
    for data in ({"date": "1999-99-99T99:99", "seats": "x"}, {"seats": "-4", "name": "A", "email": "a@b.de"}, {}):
        assert client.post(workshop.url, data).status_code in (200, 302)
    assert client.get(workshop.url + "?date=nonsense").status_code == 200
    assert not Registration.objects.exists()


def test_event_page_with_a_form_is_cached_and_each_visitor_gets_a_working_token(workshop):
    from django.test import Client

    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    assert first.get(workshop.url)["X-Cache"] == "MISS"
    page = second.get(workshop.url)
    assert page["X-Cache"] == "HIT"
    # The visitor's own token in the form, their own cookie, and no shared copy anywhere else.
    token = re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', page.content.decode()).group(1)
    assert "csrftoken" in page.cookies and "private" in page["Cache-Control"] and "ETag" not in page
    assert "csrf-token-of-the-visitor" not in page.content.decode()
    response = second.post(workshop.url, {"csrfmiddlewaretoken": token, "date": first_date(workshop).key,
                                          "name": "Ada", "email": "ada@example.org", "seats": "1"})
    assert response.status_code == 302
    assert Registration.objects.get().email == "ada@example.org"
    # Ada's token does not work with another visitor's cookie.
    third = Client(enforce_csrf_checks=True)
    third.get(workshop.url)
    assert third.post(workshop.url, {"csrfmiddlewaretoken": token, "date": first_date(workshop).key,
                                     "name": "Eve", "email": "eve@example.org", "seats": "1"}).status_code == 403
